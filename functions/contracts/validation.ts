import type * as z from "zod";

/** One line per problem, each naming the field and what is expected, e.g. "score: score must be 1-5". */
export function describeValidationError(error: z.ZodError): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join(".") : "payload";
      if (issue.code === "unrecognized_keys") {
        return `${field}: unknown field(s) ${issue.keys.map((k) => `'${k}'`).join(", ")} are not allowed`;
      }
      return `${field}: ${issue.message}`;
    })
    .join("; ");
}

/**
 * Parse options for a value parsed once per process (environment, snapshots at cold start):
 * zod otherwise compiles a specialised parser for every object schema on its first parse
 * (`new Function`), which pays only for schemas parsed again and again, such as request
 * bodies. Skipping it took 10-20 ms off a Lambda cold start with the same validation.
 */
export const PARSE_ONCE = { jitless: true } as const;
