import type { ServerOptions } from "socket.io";

/** socket.io settings shared by the local server and the Fargate gateway. */
export function socketServerOptions(): Partial<ServerOptions> {
  return {
    // Lets a client that lost its connection for a moment get the missed events from the
    // server's buffer; after a restart the client resumes with its resume token instead.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    // A 2,000-character message is at most ~8 kB of UTF-8; nothing legitimate is bigger.
    maxHttpBufferSize: 32 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  };
}
