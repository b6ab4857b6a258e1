import type { ContentIssue, ContentRules } from "../domain/content/contentWorkflow.ts";
import type { ContentBundle } from "./bundle.ts";
import { topicFileSchema } from "./schema.ts";

// TEMPORARY until the shared validator lands: schema checks only.
export const contentRules: ContentRules = {
  checkTopic(json: unknown, _draft: ContentBundle) {
    const { tests, ...rest } = (json ?? {}) as { tests?: { fi: string[]; sv: string[] } };
    const parsed = topicFileSchema.safeParse(rest);
    if (parsed.success) return { issues: [], topic: parsed.data, ...(tests ? { tests } : {}) };
    return {
      issues: parsed.error.issues.map(
        (i): ContentIssue => ({
          severity: "error",
          path: i.path.join("."),
          message: i.message,
          fix: "",
        }),
      ),
    };
  },
  checkBundle() {
    return [];
  },
};
