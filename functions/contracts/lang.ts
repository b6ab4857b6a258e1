import * as z from "zod";

/** The two national languages a customer may be served in. */
export const LANGS = ["fi", "sv"] as const;
export const langSchema = z.enum(LANGS);
export type Lang = z.infer<typeof langSchema>;
