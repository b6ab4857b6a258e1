import type { ContentBundle } from "./bundle.ts";
import { loadBotContent } from "./loadContent.ts";
import { loadTestCases } from "./testSet.ts";

// TEMPORARY until readBundle lands.
export function bundleFromDir(dir: string): ContentBundle {
  const content = loadBotContent(dir);
  return {
    topics: [...content.topics.values()],
    outOfScope: content.outOfScope,
    tests: { fi: loadTestCases(dir, "fi", "tests"), sv: loadTestCases(dir, "sv", "tests") },
    dev: { fi: loadTestCases(dir, "fi", "dev"), sv: loadTestCases(dir, "sv", "dev") },
  };
}
