import * as z from "zod";

/**
 * One line per problem, each naming the field and what is expected, e.g. "score: score must
 * be 1-5"; a problem of the value as a whole names it `root`.
 */
export function describeValidationError(error: z.ZodError, root = "payload"): string {
  return error.issues
    .map((issue) => {
      const field = issue.path.length ? issue.path.join(".") : root;
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

/**
 * A whole number from a query string or a path (`?limit=20`, `/versions/7`) between `min`
 * and `max`, with one message for every way it can be wrong ("must be a whole number from 1
 * to 500"), rather than zod's "expected number, received NaN" for a word.
 */
export function wholeNumber(min: number, max?: number) {
  const expected = `must be a whole number ${max === undefined ? `of at least ${min}` : `from ${min} to ${max}`}`;
  const atLeast = z.coerce.number({ error: expected }).int(expected).min(min, expected);
  return max === undefined ? atLeast : atLeast.max(max, expected);
}

/**
 * A number (decimals allowed) from the environment or a query, from `min` to `max` (above
 * `min` with `above`), with one message for every way it can be wrong, as `wholeNumber`.
 */
export function numberFrom(min: number, max: number, options: { above?: boolean } = {}) {
  const expected = `must be a number ${options.above ? `above ${min} and at most ${max}` : `from ${min} to ${max}`}`;
  const number = z.coerce.number({ error: expected }).max(max, expected);
  return options.above ? number.gt(min, expected) : number.min(min, expected);
}
