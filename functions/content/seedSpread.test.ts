import { describe, expect, it } from "vitest";
import { createEmbeddedRecogniser } from "../adapters/recogniser/embedded/embeddedRecogniser.ts";
import { DEFAULT_CLASSIFIER_OPTIONS } from "../adapters/recogniser/embedded/intentClassifier.ts";
import { MAX_UNCOVERED_ANSWERED, MIN_ACCURACY } from "../contracts/contentTargets.ts";
import { DEFAULT_DIALOGUE_SETTINGS } from "../domain/dialogue/answerTurn.ts";
import { loadBotContent } from "./loadContent.ts";
import {
  figuresUnderSeed,
  gateFailsOn,
  type SeedFigures,
  seedsFor,
  spreadLines,
  spreadOf,
} from "./seedSpread.ts";
import { evaluate, loadTestCases } from "./testSet.ts";
import { loadUncoveredCases } from "./uncoveredSet.ts";

function run(
  seed: number,
  accuracy: number,
  topicsUnder: string[] = [],
  more: Partial<SeedFigures> = {},
): SeedFigures {
  return {
    seed,
    accuracy,
    noneRecall: 0.9,
    right: 0.85,
    wrong: 0.01,
    uncoveredAnswered: 0,
    topicsUnder,
    topicsUnderGate: [],
    gateRefuses: false,
    ...more,
  };
}

describe("scores over several training orders", () => {
  it("prints each figure's mean and range, and how often each topic fell under the floor", () => {
    const lines = spreadLines([
      run(7, 0.95, ["vat"]),
      run(1, 0.93, ["vat", "pension"]),
      run(2, 0.97),
    ]);
    expect(lines[0]).toBe("top-1                mean  95.0 %  from 93.0 % to 97.0 %");
    expect(lines.at(-1)).toBe("topics under 85.0 %: vat on 2 of 3, pension on 1 of 3");
    expect(spreadLines([run(7, 0.95)]).at(-1)).toBe("topics under 85.0 %: none on any seed");
  });

  it("summarises each figure's mean and range with the gate's bound, and counts both floors per topic", () => {
    const spread = spreadOf([
      run(7, 0.95, ["vat"], { uncoveredAnswered: 0.04 }),
      run(1, 0.92, ["vat", "pension"], { topicsUnderGate: ["pension"], uncoveredAnswered: 0.06 }),
      run(2, 0.98, ["pension"], { topicsUnderGate: ["pension"] }),
    ]);
    expect(spread.accuracy.mean).toBeCloseTo(0.95);
    expect(spread.accuracy).toMatchObject({ min: 0.92, max: 0.98, gate: { min: MIN_ACCURACY } });
    expect(spread.uncoveredAnswered.gate).toEqual({ max: MAX_UNCOVERED_ANSWERED });
    expect(spread.right.gate).toBeUndefined();
    // The topic the gate would stop comes first, though another fell under the target as often.
    expect(spread.topicsUnder).toEqual([
      { topic: "pension", orders: 2, ordersUnderGate: 2 },
      { topic: "vat", orders: 2, ordersUnderGate: 0 },
    ]);
  });

  it("counts an order as refused when the gate refuses either language", () => {
    const both = (fi: boolean, sv: boolean) => ({
      fi: run(7, 0.95, [], { gateRefuses: fi }),
      sv: run(7, 0.95, [], { gateRefuses: sv }),
    });
    expect(gateFailsOn([both(false, false), both(true, false), both(false, true)])).toBe(2);
  });

  it("trains the shipped order first and then others, as many as asked", () => {
    expect(seedsFor(5)).toEqual([7, 1, 2, 3, 4]);
    expect(seedsFor(8)).toEqual([7, 1, 2, 3, 4, 5, 6, 8]);
  });

  it("scores the shipped seed as content:test's gate does, and another seed as another model", () => {
    const content = loadBotContent();
    const dir = "bot-content";
    const inputs = {
      content,
      settings: DEFAULT_DIALOGUE_SETTINGS,
      cases: { fi: loadTestCases(dir, "fi"), sv: loadTestCases(dir, "sv") },
      uncovered: { fi: loadUncoveredCases(dir, "fi"), sv: loadUncoveredCases(dir, "sv") },
    };
    const shipped = figuresUnderSeed(inputs, DEFAULT_CLASSIFIER_OPTIONS.training.seed);
    const gate = createEmbeddedRecogniser(content);
    expect(shipped.fi.accuracy).toBe(
      evaluate(inputs.cases.fi, (text) => gate.classify(text, "fi")).accuracy,
    );
    const other = figuresUnderSeed(inputs, 1);
    const numbers = (f: typeof shipped) =>
      [f.fi, f.sv].flatMap((l) => [
        l.accuracy,
        l.noneRecall,
        l.right,
        l.wrong,
        l.uncoveredAnswered,
      ]);
    expect(numbers(other)).not.toEqual(numbers(shipped));
  });
});
