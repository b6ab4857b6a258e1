/**
 * The event the content API sends the publisher function (functions/lambda/contentPublisher.ts)
 * to finish an approved version's go-live: one shape for both sides.
 */
import * as z from "zod";

export const contentPublishEventSchema = z.strictObject({
  /** The content version being built; the publisher makes it live or marks it failed. */
  version: z.number().int().min(1),
});

export type ContentPublishEvent = z.infer<typeof contentPublishEventSchema>;
