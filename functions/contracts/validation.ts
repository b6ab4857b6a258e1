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
