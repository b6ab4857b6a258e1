import * as z from "zod";

/** The two national languages a customer may be served in. */
export const LANGS = ["fi", "sv"] as const;
// Pure, so that a browser bundle importing only LANGS carries no zod.
export const langSchema = /* @__PURE__ */ z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;
