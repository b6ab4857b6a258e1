import type { ServerOptions } from "socket.io";
import type { OriginPolicy } from "./origins.ts";

/** socket.io settings shared by the local server and the Fargate gateway. */
export function socketServerOptions(origins?: OriginPolicy): Partial<ServerOptions> {
  return {
    // Every handshake request (polling and WebSocket upgrade) of a browser on another site
    // is refused before any namespace sees it.
    ...(origins
      ? {
          allowRequest: (req, callback) => {
            const allowed = origins.allows(req.headers.origin);
            callback(allowed ? null : "origin not allowed", allowed);
          },
        }
      : {}),
    // Lets a client that lost its connection for a moment get the missed events from the
    // server's buffer; after a restart the client resumes with its resume token instead.
    connectionStateRecovery: { maxDisconnectionDuration: 2 * 60_000, skipMiddlewares: true },
    // A 2,000-character message is at most ~8 kB of UTF-8; nothing legitimate is bigger.
    maxHttpBufferSize: 32 * 1024,
    pingInterval: 20_000,
    pingTimeout: 20_000,
  };
}
