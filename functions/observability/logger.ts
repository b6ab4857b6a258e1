/**
 * The one logging interface of the code base, and its redaction. Callers pass facts, never
 * tokens or message text: the redaction is a second line of defence, not the first. The
 * long-running processes write JSON lines with `createLogger`; Lambda functions log through
 * Powertools (lambdaLogger.ts) behind the same interface and the same redaction.
 */
export type LogLevel = "debug" | "info" | "warn" | "error" | "silent";

export interface Logger {
  debug(message: string, fields?: Record<string, unknown>): void;
  info(message: string, fields?: Record<string, unknown>): void;
  warn(message: string, fields?: Record<string, unknown>): void;
  error(message: string, fields?: Record<string, unknown>): void;
}

const ORDER: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40, silent: 99 };
const SECRET_KEYS = /token|secret|password|authorization|hetu|ssn|identitycode|phone|email|iban/i;

/** `fields` with secret-looking keys replaced and errors reduced to name and message. */
export function redactFields(fields: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(fields)) {
    if (SECRET_KEYS.test(key)) out[key] = "[redacted]";
    else if (value instanceof Error) out[key] = { name: value.name, message: value.message };
    else out[key] = value;
  }
  return out;
}

/** JSON lines on stdout (or `write`), for the local server and the gateway. */
export function createLogger(
  level: LogLevel,
  write: (line: string) => void = (line) => process.stdout.write(`${line}\n`),
): Logger {
  const at = ORDER[level];
  const log =
    (lvl: Exclude<LogLevel, "silent">) => (message: string, fields?: Record<string, unknown>) => {
      if (ORDER[lvl] < at) return;
      write(
        JSON.stringify({
          level: lvl,
          time: new Date().toISOString(),
          message,
          ...redactFields(fields ?? {}),
        }),
      );
    };
  return { debug: log("debug"), info: log("info"), warn: log("warn"), error: log("error") };
}
