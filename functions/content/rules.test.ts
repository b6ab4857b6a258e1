import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import type { ReferralGroup, TestCase, TopicFile } from "../contracts/content.ts";
import { type Finding, tell } from "../contracts/contentFindings.ts";
import { SYSTEM_TOPICS } from "../contracts/topics.ts";
import { referralYaml, topicYaml } from "./bundleYaml.ts";
import { checkContent, readBundle } from "./checkContent.ts";
import { loadContentBundle } from "./loadContent.ts";
import {
  bundleToContent,
  type ContentBundle,
  checkBundle,
  formatProblems,
  validateDraftOutOfScope,
  validateDraftReferral,
  validateDraftTopic,
  validateDraftUncovered,
} from "./rules.ts";

function topic(id: string, extra: Partial<TopicFile> = {}): TopicFile {
  const locale = (lang: string) => ({
    title: `${id} ${lang}`,
    utterances: Array.from({ length: 20 }, (_, i) => `${lang} ${id} kysymys numero ${i + 1}`),
    answer: "Vastaus.",
  });
  return { id, demo: true, fi: locale("fi"), sv: locale("sv"), ...extra };
}

function tests(ids: readonly string[], lang: string, n = 8): TestCase[] {
  return ids.flatMap((id) =>
    Array.from({ length: n }, (_, i) => ({ text: `${lang} testi ${id} ${i}`, intent: id })),
  );
}

const IDS = [...SYSTEM_TOPICS, "vat", "payment"];

function bundle(overrides: Partial<ContentBundle> = {}): ContentBundle {
  return {
    topics: IDS.map((id) => topic(id)),
    outOfScope: { fi: ["Millainen sää huomenna?"], sv: ["Hur blir vädret?"] },
    referrals: [],
    tests: { fi: tests(IDS, "fi"), sv: tests(IDS, "sv") },
    dev: { fi: [], sv: [] },
    ...overrides,
  };
}

describe("checkBundle", () => {
  it("accepts valid in-memory content and yields the bot's content", () => {
    const { problems, content } = checkBundle(bundle());

    expect(problems).toEqual([]);
    expect(content?.topics.get("vat")?.fi.title).toBe("vat fi");
    expect(content).toEqual(bundleToContent(bundle()));
  });

  it("names each problem's file and field path, on line 1 where there is no source", () => {
    const vat = topic("vat");
    vat.fi.utterances[3] = "alv {summa}";

    const { problems, content } = checkBundle(
      bundle({ topics: [...IDS.filter((id) => id !== "vat").map((id) => topic(id)), vat] }),
    );

    expect(content).toBeUndefined();
    expect(problems).toEqual([
      expect.objectContaining({
        severity: "error",
        file: "topics/vat.yaml",
        path: "fi.utterances[3]",
        line: 1,
        message: "fi.utterances[4] contains { or }",
      }),
    ]);
  });

  it("fails with the file to create when a system topic is missing", () => {
    const rest = IDS.filter((id) => id !== "human-advisor");
    const { problems } = checkBundle(
      bundle({
        topics: rest.map((id) => topic(id)),
        tests: { fi: tests(rest, "fi"), sv: tests(rest, "sv") },
      }),
    );

    expect(problems).toEqual([
      expect.objectContaining({
        file: "topics/human-advisor.yaml",
        message: expect.stringContaining('topic "human-advisor" is missing'),
      }),
    ]);
  });

  it("reports a topic id used twice", () => {
    const { problems } = checkBundle(bundle({ topics: [...bundle().topics, topic("vat")] }));

    expect(problems.map((p) => p.message)).toContain(
      'topic id "vat" is used twice (also topics/vat.yaml)',
    );
  });

  it("checks the held-out cases of the bundle like the files", () => {
    const { problems } = checkBundle(
      bundle({ dev: { fi: [{ text: "fi vat kysymys numero 2", intent: "vat" }], sv: [] } }),
    );

    expect(problems).toEqual([
      expect.objectContaining({
        file: "dev/fi.yaml",
        path: "cases[0]",
        message: expect.stringContaining("is also a training sentence (topics/vat.yaml)"),
      }),
    ]);
  });
});

describe("checkContent and checkBundle give the same messages", () => {
  let dir: string | undefined;
  afterEach(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("for content read from YAML, with lines from the files", () => {
    dir = mkdtempSync(join(tmpdir(), "content-"));
    mkdirSync(join(dir, "topics"));
    const yaml = (t: TopicFile) =>
      [
        `id: ${t.id}`,
        ...(t.followUps ? [`followUps: [${t.followUps.join(", ")}]`] : []),
        ...(["fi", "sv"] as const).flatMap((lang) => [
          `${lang}:`,
          `  title: ${t[lang].title}`,
          "  utterances:",
          ...t[lang].utterances.map((u) => `    - ${u}`),
          `  answer: ${t[lang].answer}`,
        ]),
      ].join("\n");
    const broken = bundle().topics.map((t) =>
      t.id === "vat" ? { ...t, followUps: ["paymnt", "vat"] } : t,
    );
    for (const t of broken) writeFileSync(join(dir, "topics", `${t.id}.yaml`), yaml(t));
    writeFileSync(join(dir, "out-of-scope.yaml"), "fi: [Millainen sää huomenna?]\nsv: []\n");

    const fromFiles = checkContent(dir).problems;
    const { bundle: read, problems: readProblems } = readBundle(dir);
    const fromBundle = checkBundle(read).problems;

    expect(readProblems).toEqual([]);
    const key = (p: { file: string; path: string; message: string; severity: string }) =>
      `${p.severity} ${p.file} ${p.path} ${p.message}`;
    expect(fromFiles.map(key)).toEqual(fromBundle.map(key));
    expect(fromFiles.find((p) => p.path === "followUps[0]")).toMatchObject({
      line: 2,
      message: 'follow-up "paymnt" is not a topic; did you mean payment?',
    });
    expect(fromBundle.every((p) => p.line === 1)).toBe(true);
  });
});

describe("validateDraftTopic", () => {
  const draft = (extra: Record<string, unknown> = {}) => ({
    ...topic("capital-gains"),
    tests: {
      fi: tests(["capital-gains"], "fi").map((c) => c.text),
      sv: tests(["capital-gains"], "sv").map((c) => c.text),
    },
    ...extra,
  });

  it("accepts a new topic with its test messages", () => {
    expect(validateDraftTopic(draft(), bundle())).toEqual([]);
  });

  it("refuses a web address in the answer's text on a host a link could not have", () => {
    const bad = draft();
    bad.fi.answer = "Katso ohjeet osoitteesta https://vero-palautus.example/kirjaudu.";
    bad.sv.answer = "Se http://www.vero.fi/sv/ eller www.vero.fi/sv/privatpersoner (på svenska).";

    const problems = validateDraftTopic(bad, bundle());

    expect(problems.map((p) => [p.path, p.finding?.code])).toEqual([
      ["fi.answer", "hostNotAllowed"],
      ["sv.answer", "notHttps"],
    ]);
    expect(problems[0]?.message).toContain("vero-palautus.example is not allowed");
  });

  it("refuses the ids that name something else where topics are listed", () => {
    for (const id of ["none", "other", "out-of-scope"]) {
      const problems = validateDraftTopic(draft({ ...topic(id) }), bundle());
      expect(problems.map((p) => [p.path, p.finding?.code])).toContainEqual(["id", "reservedId"]);
    }
  });

  it("warns about too few test messages, at the topic's tests", () => {
    const problems = validateDraftTopic(draft({ tests: { fi: ["yksi"], sv: [] } }), bundle());

    expect(problems.map((p) => [p.severity, p.path])).toEqual([
      ["warning", "tests.fi"],
      ["warning", "tests.sv"],
    ]);
  });

  it("reports problems with paths relative to the topic", () => {
    const bad = draft();
    bad.fi.utterances[4] = "fi payment kysymys numero 7";
    bad.sv.answer = "";
    bad.followUps = ["tax-refnd"];
    bad.tests.sv[2] = "sv vat kysymys numero 1";

    const problems = validateDraftTopic(bad, bundle());

    expect(problems.map((p) => [p.path, p.message])).toEqual(
      expect.arrayContaining([
        ["sv.answer", "sv.answer: must not be empty"],
        ["followUps[0]", 'follow-up "tax-refnd" is not a topic; did you mean tax-refund?'],
        ["fi.utterances[4]", expect.stringContaining("appears in both topic capital-gains (fi)")],
        ["tests.sv[2]", expect.stringContaining("is also a training sentence")],
      ]),
    );
    expect(problems).toHaveLength(4);
  });

  it("leaves out the problems of other topics", () => {
    const base = bundle();
    (base.topics[0] as TopicFile).fi.answer = "x".repeat(800);

    expect(checkBundle(base).problems).toHaveLength(1);
    expect(validateDraftTopic(draft(), base)).toEqual([]);
  });

  it("checks an edit of an existing topic against the others, not against its old self", () => {
    const edited = { ...topic("vat"), tests: { fi: tests(["vat"], "fi").map((c) => c.text) } };

    expect(validateDraftTopic(edited, bundle()).filter((p) => p.severity === "error")).toEqual([]);
  });

  it("reports a malformed id and JSON that is not a topic", () => {
    expect(validateDraftTopic(draft({ id: "Capital Gains" }), bundle())[0]).toMatchObject({
      path: "id",
      message: expect.stringContaining("lower-case letters"),
    });
    expect(validateDraftTopic("nonsense", bundle())[0]?.message).toContain(
      "is not a set of fields",
    );
    expect(validateDraftTopic(draft({ tests: { fi: [1] } }), bundle())[0]).toMatchObject({
      path: "tests.fi[0]",
    });
  });
});

describe("near-duplicate check", () => {
  /** The fixture's topics plus `extra`, each with its own sentences after the filler ones. */
  function nearWarnings(extra: Record<string, { fi?: string[]; sv?: string[] }>): string[] {
    const own = (id: string) => {
      const base = topic(id);
      const add = extra[id] ?? {};
      return {
        ...base,
        fi: { ...base.fi, utterances: [...base.fi.utterances, ...(add.fi ?? [])] },
        sv: { ...base.sv, utterances: [...base.sv.utterances, ...(add.sv ?? [])] },
      };
    };
    const ids = [...new Set([...IDS, ...Object.keys(extra)])];
    const { problems } = checkBundle(bundle({ topics: ids.map(own) }));
    return problems
      .filter((p) => p.message.includes("is closer to"))
      .map((p) => `${p.file} ${p.message}`);
  }

  const taxCard = ["verokortti palkalle", "muutosverokortti", "uusi verokortti", "ennakonpidätys"];
  const pension = [
    "eläkkeen ennakonpidätys",
    "eläkkeen verotus",
    "eläkkeen veroprosentti",
    "eläkkeen verokortti",
  ];

  it("warns about a bare sentence that is only a part of another topic's sentence", () => {
    // The pension sentence is not warned about: "eläkkeen" tells it apart.
    const near = nearWarnings({ "tax-card": { fi: taxCard }, pension: { fi: pension } });

    expect(near).toEqual([
      expect.stringMatching(
        /^topics\/tax-card\.yaml fi\.utterances\[24\] "ennakonpidätys" is closer to "eläkkeen ennakonpidätys" of topic pension/,
      ),
    ]);
  });

  it("names both topics by their titles in Finnish and Swedish, and by id in content:check's English", () => {
    const own = (id: string, utterances: string[], titles: Record<"fi" | "sv", string>) => {
      const base = topic(id);
      return {
        ...base,
        fi: { ...base.fi, title: titles.fi, utterances: [...base.fi.utterances, ...utterances] },
        sv: { ...base.sv, title: titles.sv },
      };
    };
    const topics = [
      ...IDS.filter((id) => id !== "tax-card" && id !== "pension").map((id) => topic(id)),
      own("tax-card", taxCard, { fi: "Verokortti", sv: "Skattekort" }),
      own("pension", pension, { fi: "Eläkkeen verotus", sv: "Beskattning av pension" }),
    ];

    const near = checkBundle(bundle({ topics })).problems.find(
      (p) => p.finding?.code === "nearDuplicate",
    );

    expect(near?.message).toMatch(/of topic pension .* than to any sentence of tax-card$/);
    const told = (lang: "fi" | "sv") => tell(near?.finding as Finding, lang);
    expect(told("fi").message).toBe(
      "”ennakonpidätys” on lähempänä aiheen Eläkkeen verotus lausetta ”eläkkeen ennakonpidätys” kuin yhtäkään aiheen Verokortti lausetta.",
    );
    expect(told("sv").fix).toBe(
      "Formulera om meningen så att den visar vad som skiljer Skattekort från Beskattning av pension, eller flytta den till Beskattning av pension om den hör hemma där.",
    );
  });

  it("does not warn about a sentence carrying a word its topic uses and the other topic never", () => {
    // "osingon" (osingot, osingoista...) is in most of dividends' own sentences and in none of
    // tax-card's, so "osingon ennakonpidätys" is not learnt as tax-card's.
    const dividends = ["osingon ennakonpidätys", "osingot ja verot", "osingon verotus"];

    const near = nearWarnings({
      "tax-card": { fi: taxCard },
      pension: { fi: pension },
      dividends: { fi: [...dividends, "osingon veroprosentti"] },
    });

    expect(near).toHaveLength(1);
    expect(near[0]).toContain('"ennakonpidätys" is closer to');
    expect(near.join("\n")).not.toContain('"osingon ennakonpidätys" is closer');
  });

  it("still warns when the distinguishing word is one the other topic uses as well", () => {
    // "flytta" is moving-to-finland's word, but working-abroad says "flyttar utomlands" too:
    // moving abroad is the other topic's matter, whichever way it is worded.
    const near = nearWarnings({
      "moving-to-finland": {
        sv: [
          "flytta till finland",
          "flyttade till finland för att jobba",
          "flytta till finland och skatt",
          "flytta utomlands beskattning",
        ],
      },
      "working-abroad": {
        sv: ["arbete utomlands", "beskattning när jag flyttar utomlands", "jobb utomlands"],
      },
    });

    expect(near).toEqual([expect.stringContaining('"flytta utomlands beskattning"')]);
  });

  it("does not warn when the other sentence only says the same word twice", () => {
    // The grams of "hei hei" are those of "hei"; the recogniser tells them apart by word pairs.
    const near = nearWarnings({
      greeting: { fi: ["hei", "moi", "terve", "huomenta"] },
      goodbye: { fi: ["hei hei", "moi moi", "näkemiin", "kuulemiin"] },
    });

    expect(near).toEqual([]);
  });

  it("is fast enough for 50 topics in two languages with 30 sentences each", () => {
    const words = "vero kortti palautus maksu alv perintö lahja kiinteistö auto matka koti työ";
    const pool = words.split(" ");
    const ids = [...IDS, ...Array.from({ length: 50 - IDS.length }, (_, i) => `aihe-${i + 1}`)];
    const big = bundle({
      topics: ids.map((id, t) => {
        const base = topic(id);
        const say = (lang: string) =>
          Array.from(
            { length: 30 },
            (_, i) =>
              `${lang} ${pool[(t + i) % pool.length]} ${pool[(t * 7 + i * 3) % pool.length]}${id.replace(/-/g, "")} ${i}`,
          );
        return {
          ...base,
          fi: { ...base.fi, utterances: say("fi") },
          sv: { ...base.sv, utterances: say("sv") },
        };
      }),
      tests: { fi: tests(ids, "fi"), sv: tests(ids, "sv") },
    });

    const started = performance.now();
    const { problems } = checkBundle(big);
    const ms = performance.now() - started;

    console.log(`checkBundle: 50 topics x 2 languages x 30 sentences in ${ms.toFixed(0)} ms`);
    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    // Generous for a shared CI core; it measures about 150-300 ms on a laptop.
    expect(ms).toBeLessThan(3000);
  });

  it("formats problems as content:check prints them", () => {
    const text = formatProblems([
      {
        severity: "warning",
        file: "tests/fi.yaml",
        path: "cases",
        line: 3,
        message: "m",
        fix: "f",
      },
    ]);

    expect(text).toBe("WARNING tests/fi.yaml:3\n  m\n  How to fix: f");
  });
});

function referral(id: string, over: { fi?: Partial<ReferralGroup["fi"]> } = {}): ReferralGroup {
  const side = (lang: "fi" | "sv") => ({
    title: `${id} ${lang}`,
    answer:
      lang === "fi" ? "Ajoneuvovero on Traficomin asia." : "Fordonsskatten sköts av Traficom.",
    link: { label: "Traficom", url: `https://www.traficom.fi/${lang}` },
    sentences: Array.from({ length: 5 }, (_, i) => `${lang} ${id} lause ${i + 1}`),
  });
  return { id, fi: { ...side("fi"), ...over.fi }, sv: side("sv") };
}

describe("referral groups", () => {
  it("accepts valid groups and hands them to the bot", () => {
    const { problems, content } = checkBundle(bundle({ referrals: [referral("traficom")] }));

    expect(problems.filter((p) => p.severity === "error")).toEqual([]);
    expect(content?.referrals.map((r) => r.id)).toEqual(["traficom"]);
  });

  it("names the file, the field, what is wrong and how to fix it", () => {
    const broken = referral("traficom", {
      fi: {
        answer: "x".repeat(301),
        link: { label: "Autot", url: "https://example.com/vero" },
        sentences: ["yksi", "kaksi"],
      },
    });

    const { problems, content } = checkBundle(bundle({ referrals: [broken] }));

    expect(content).toBeUndefined();
    const at = (path: string) => problems.find((p) => p.path === path);
    expect(at("fi.answer")).toMatchObject({
      file: "referrals/traficom.yaml",
      message: "fi.answer is 301 characters; the limit is 300",
      fix: expect.stringContaining("link carries the rest"),
    });
    expect(at("fi.link.url")?.message).toContain("link host example.com is not allowed");
    expect(at("fi.sentences")).toMatchObject({
      message: "fi.sentences has 2 sentences; at least 5 are needed",
      fix: expect.stringContaining("one per line"),
    });
  });

  it("allows links on the agencies' own sites, Työmarkkinatori included", () => {
    const employment = referral("employment", {
      fi: { link: { label: "Työmarkkinatori", url: "https://tyomarkkinatori.fi/" } },
    });

    expect(checkBundle(bundle({ referrals: [employment] })).problems).toEqual([]);
  });

  it("refuses a sentence that teaches both a group and a topic, or two groups", () => {
    const vatSentence = bundle().topics.find((t) => t.id === "vat")?.fi.utterances[0] as string;
    const kela = referral("kela", {
      fi: { sentences: [...referral("kela").fi.sentences, vatSentence] },
    });
    const traficom = referral("traficom", {
      fi: { sentences: [...referral("traficom").fi.sentences, "fi kela lause 1"] },
    });

    const { problems } = checkBundle(bundle({ referrals: [kela, traficom] }));

    expect(problems.map((p) => `${p.file} ${p.path} ${p.message}`)).toEqual(
      expect.arrayContaining([
        `referrals/kela.yaml fi.sentences[5] "${vatSentence}" appears in both referral kela (fi) and topic vat (fi) (topics/vat.yaml)`,
        'referrals/traficom.yaml fi.sentences[5] "fi kela lause 1" appears in both referral traficom (fi) and referral kela (fi) (referrals/kela.yaml)',
      ]),
    );
  });

  it("refuses a held-out message that is a group's sentence", () => {
    const tests = bundle().tests;
    const { problems } = checkBundle(
      bundle({
        referrals: [referral("traficom")],
        tests: { ...tests, fi: [...tests.fi, { text: "fi traficom lause 2", intent: "none" }] },
      }),
    );

    expect(problems.map((p) => p.message)).toContain(
      'held-out message "fi traficom lause 2" is also a training sentence (referrals/traficom.yaml)',
    );
  });

  it("checks a group as the studio sends it, with paths relative to the group", () => {
    const others = bundle({ referrals: [referral("kela")] });
    const typed = referral("traficom", { fi: { title: "", sentences: ["fi kela lause 3"] } });

    const problems = validateDraftReferral(typed, others);

    expect(problems.map((p) => p.path).sort()).toEqual([
      "fi.sentences",
      "fi.sentences[0]",
      "fi.title",
    ]);
  });

  it("reads referrals/<id>.yaml with lines, and wants the file named after the id", () => {
    const dir = mkdtempSync(join(tmpdir(), "content-"));
    try {
      mkdirSync(join(dir, "topics"));
      mkdirSync(join(dir, "referrals"));
      const good = bundle();
      const topicYaml = (t: TopicFile) =>
        [
          `id: ${t.id}`,
          ...(["fi", "sv"] as const).flatMap((lang) => [
            `${lang}:`,
            `  title: ${t[lang].title}`,
            "  utterances:",
            ...t[lang].utterances.map((u) => `    - ${u}`),
            `  answer: ${t[lang].answer}`,
          ]),
        ].join("\n");
      for (const t of good.topics) writeFileSync(join(dir, "topics", `${t.id}.yaml`), topicYaml(t));
      writeFileSync(join(dir, "out-of-scope.yaml"), "fi: []\nsv: []\n");
      writeFileSync(join(dir, "referrals", "traficom.yaml"), referralYaml(referral("traficom")));
      const misnamed = referral("kela", { fi: { link: { label: "x", url: "http://kela.fi" } } });
      writeFileSync(join(dir, "referrals", "fpa.yaml"), referralYaml(misnamed));

      const { problems, bundle: read } = checkContent(dir);

      expect(read.referrals.map((r) => r.id)).toEqual(["kela", "traficom"]);
      expect(
        problems.find((p) => p.file === "referrals/fpa.yaml" && p.path === "id"),
      ).toMatchObject({
        line: 2,
        message: 'file name "fpa.yaml" does not match id "kela"',
      });
      expect(problems.find((p) => p.path === "fi.link.url")).toMatchObject({
        file: "referrals/fpa.yaml",
        line: 9,
      });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("validateDraftOutOfScope", () => {
  const vatSentence = topic("vat").fi.utterances[2] as string;
  const others = () => bundle({ referrals: [referral("kela")] });

  it("accepts lists with new sentences, whatever the rest of the content has wrong", () => {
    const base = others();
    (base.topics[0] as TopicFile).fi.answer = "x".repeat(800);

    expect(validateDraftOutOfScope({ fi: ["kauppa auki", "asdf"], sv: ["butik"] }, base)).toEqual(
      [],
    );
  });

  it("refuses a sentence of a topic, a group or a held-out message, naming the other place", () => {
    const lists = {
      fi: ["kauppa auki", vatSentence, "fi testi payment 3", "  ", "kauppa auki!"],
      sv: ["sv kela lause 2"],
    };

    const problems = validateDraftOutOfScope(lists, others());

    // An empty line (the studio drops them; the API may not) hides none of the others.
    expect(problems.map((p) => [p.path, p.finding?.code, p.message])).toEqual([
      ["fi[3]", "empty", "fi[4]: must not be empty"],
      [
        "fi[1]",
        "sentenceShared",
        `"${vatSentence}" appears in both out-of-scope (fi) and topic vat (fi) (topics/vat.yaml)`,
      ],
      ["fi[4]", "sentenceTwice", '"kauppa auki!" appears twice in out-of-scope (fi)'],
      ["sv[0]", "sentenceShared", expect.stringContaining("and referral kela (sv)")],
      [
        "fi[2]",
        "heldOutTrained",
        'held-out message "fi testi payment 3" is also a training sentence (out-of-scope.yaml)',
      ],
    ]);
    expect(problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("names a list that is not one, and JSON that is not the lists", () => {
    const problems = validateDraftOutOfScope({ fi: "kauppa", extra: [] }, others());

    expect(problems.map((p) => [p.path, p.finding?.code])).toEqual(
      expect.arrayContaining([
        ["fi", "wrongType"],
        ["sv", "missing"],
        ["", "unknownFields"],
      ]),
    );
    expect(validateDraftOutOfScope([], others())[0]?.path).toBe("");
  });
});

describe("validateDraftUncovered", () => {
  const vatSentence = topic("vat").fi.utterances[2] as string;
  // Typed as the bundle's: the rules check what the studio sends, whatever it holds.
  const uncovered = (fi: unknown[], sv: unknown[] = []) =>
    ({ fi, sv }) as NonNullable<ContentBundle["uncovered"]>;
  const dogTax = { text: "paljonko koiravero on espoossa", matter: "dog-tax" };

  it("accepts questions nothing trains on or holds out, whatever else the content has wrong", () => {
    const base = bundle();
    (base.topics[0] as TopicFile).fi.answer = "x".repeat(800);

    expect(
      validateDraftUncovered(uncovered([dogTax], [{ text: "hundskatt", matter: "dog-tax" }]), base),
    ).toEqual([]);
  });

  it("names the question's text or matter that the schema refuses, by language and place", () => {
    const problems = validateDraftUncovered(
      uncovered(
        [dogTax, { text: "  ", matter: "dog-tax" }],
        [{ text: "hundskatt", matter: "Dog tax" }],
      ),
      bundle(),
    );

    expect(problems.map((p) => [p.path, p.finding?.code, p.severity])).toEqual([
      ["fi[1].text", "empty", "error"],
      ["sv[0].matter", "matterNotAnId", "error"],
    ]);
    expect(problems[0]?.message).toBe("fi[2].text: must not be empty");
    expect(problems[1]?.message).toBe('sv[1].matter "Dog tax" must be a matter id such as dog-tax');
    // A line the studio sent without its matter is told so, in the owner's words.
    const [missing] = validateDraftUncovered(
      uncovered([{ text: "paljonko autovero on", matter: "" }]),
      bundle(),
    );
    expect(missing && tell(missing.finding as Finding, "fi").message).toBe(
      "Kysymykseltä puuttuu asia.",
    );
  });

  it("refuses a question that is trained on, held out, an out-of-scope example or listed twice", () => {
    const problems = validateDraftUncovered(
      uncovered([
        { text: vatSentence, matter: "vat" },
        { text: "FI testi payment 3!", matter: "payment" },
        { text: "Millainen sää huomenna", matter: "weather" },
        dogTax,
        { text: "Paljonko koiravero on Espoossa?", matter: "dog-tax" },
      ]),
      bundle(),
    );

    // Told as a held-out message's problems are: the set is a test set too.
    expect(problems.map((p) => [p.path, p.finding?.code])).toEqual([
      ["fi[0].text", "heldOutTrained"],
      ["fi[1].text", "heldOutRepeated"],
      ["fi[2].text", "heldOutTrained"],
      ["fi[4].text", "uncoveredTwice"],
    ]);
    expect(problems[0]?.message).toBe(
      `uncovered question "${vatSentence}" is also a training sentence (topics/vat.yaml)`,
    );
    expect(problems.every((p) => p.severity === "error")).toBe(true);
  });

  it("shows a topic's sentence or test message that an uncovered question has at the topic too", () => {
    const base = bundle({ uncovered: uncovered([dogTax]) });
    const vat = topic("vat");
    vat.fi.utterances[0] = "Paljonko koiravero on Espoossa?";

    const problems = validateDraftTopic(
      { ...vat, tests: { fi: ["paljonko koiravero on espoossa"], sv: [] } },
      base,
    );

    expect(problems.map((p) => [p.path, p.finding?.code])).toEqual(
      expect.arrayContaining([
        ["fi.utterances[0]", "heldOutTrained"],
        ["tests.fi[0]", "heldOutRepeated"],
      ]),
    );
  });

  it("names lists that are not lists", () => {
    const problems = validateDraftUncovered({ fi: "dog-tax: koiravero", extra: [] }, bundle());

    expect(problems.map((p) => [p.path, p.finding?.code])).toEqual(
      expect.arrayContaining([
        ["extra", "unknownFields"],
        ["fi", "wrongType"],
        ["sv", "wrongType"],
      ]),
    );
  });

  it("holds a whole bundle's set to the same rules (content:check, import, publish)", () => {
    const { problems } = checkBundle(bundle({ uncovered: uncovered([dogTax, dogTax]) }));

    expect(
      problems.filter((p) => p.file.startsWith("uncovered/")).map((p) => [p.path, p.finding?.code]),
    ).toEqual([["cases[1]", "uncoveredTwice"]]);
    expect(checkBundle(bundle({ uncovered: uncovered([dogTax]) })).content).toBeDefined();
  });
});

describe("findings in the studio's languages", () => {
  it("records what it found with every problem", () => {
    const vat = topic("vat", { followUps: ["vat", "paymnet"] });
    vat.fi.utterances[3] = "alv {summa}";
    vat.fi.utterances[4] = vat.fi.utterances[5] as string;
    vat.fi.answer = "x".repeat(701);
    const broken = {
      ...topic("broken"),
      sv: {
        title: "",
        utterances: ["kort"],
        answer: "Svar.",
        links: [{ label: "L", url: "http://vero.fi" }],
      },
    };
    const { problems } = checkBundle(
      bundle({
        topics: [...IDS.filter((id) => id !== "vat").map((id) => topic(id)), vat, broken],
        tests: {
          fi: [...tests(IDS, "fi"), { text: "fi vat kysymys numero 2", intent: "vatt" }],
          sv: tests(IDS, "sv"),
        },
      }),
    );

    const codes = new Set(problems.map((p) => p.finding?.code));
    for (const code of [
      "curlyBraces",
      "sentenceTwice",
      "answerTooLong",
      "followUpSelf",
      "followUpUnknown",
      "empty",
      "tooFewUtterances",
      "notHttps",
      "intentUnknown",
      "heldOutTrained",
      "tooFewTests",
    ]) {
      expect(codes).toContain(code);
    }
    // Every problem can be told in the studio's languages (the wording: contentFindings.test).
    expect(problems.filter((p) => !p.finding).map((p) => p.message)).toEqual([]);
  });

  it("tells a draft topic's findings in Finnish and Swedish at their fields", () => {
    const draft = topic("vat");
    draft.sv.utterances[2] = "";

    const problems = validateDraftTopic(draft, bundle());
    const empty = problems.find((p) => p.path === "sv.utterances[2]");

    expect(empty?.finding?.code).toBe("empty");
    expect(tell(empty?.finding as Finding, "fi")).toEqual({
      message: "Rivi on tyhjä.",
      fix: "Kirjoita tekstiä tai poista tyhjä rivi.",
    });
    expect(tell(empty?.finding as Finding, "sv").message).toBe("Raden är tom.");
  });

  it("says in Finnish and Swedish what was sent where a test message should be text", () => {
    const problems = validateDraftTopic({ ...topic("vat"), tests: { fi: [5], sv: [] } }, bundle());
    const shape = problems.find((p) => p.path === "tests.fi[0]");

    expect(shape?.finding?.code).toBe("draftTestsShape");
    expect(tell(shape?.finding as Finding, "fi").message).toMatch(/number/);
    expect(tell(shape?.finding as Finding, "fi").message).not.toMatch(/undefined/);
    expect(tell(shape?.finding as Finding, "sv").message).not.toMatch(/undefined/);
  });
});

describe("a training sentence in the other language", () => {
  // The shipped content: the check is set on its vocabulary, and must not cry wolf there.
  const shipped = loadContentBundle();
  const fringeBenefits = () =>
    structuredClone(shipped.topics.find((t) => t.id === "fringe-benefits") as TopicFile);
  const saidAbout = (problems: readonly { path: string; finding?: Finding; severity: string }[]) =>
    problems
      .filter((p) => p.finding?.code === "otherLanguage")
      .map((p) => [
        p.severity,
        p.path,
        (p.finding?.params as { looks: string } | undefined)?.looks,
      ]);

  it("says nothing about the shipped content", () => {
    expect(saidAbout(checkBundle(shipped).problems)).toEqual([]);
  });

  it("warns, at its field, about Swedish questions taught among a topic's Finnish sentences", () => {
    // Prepare: three Swedish questions from the inbox, taught as Finnish in one go.
    const draft = fringeBenefits();
    const at = draft.fi.utterances.length;
    draft.fi.utterances.push(
      "Hur beskattas personaloptioner?",
      "hur beskattas optioner från arbetsgivaren",
      "måste jag betala skatt på aktieoptioner",
    );
    // Act
    const problems = validateDraftTopic(draft, shipped);
    // Assess
    expect(saidAbout(problems)).toEqual([
      ["warning", `fi.utterances[${at}]`, "sv"],
      ["warning", `fi.utterances[${at + 1}]`, "sv"],
      ["warning", `fi.utterances[${at + 2}]`, "sv"],
    ]);
  });

  it("warns about a Finnish question among the Swedish sentences", () => {
    const draft = fringeBenefits();
    draft.sv.utterances.push("miten työsuhdeoptiot verotetaan");

    expect(saidAbout(validateDraftTopic(draft, shipped))).toEqual([
      ["warning", `sv.utterances[${draft.sv.utterances.length - 1}]`, "fi"],
    ]);
  });

  it("leaves alone English, a lone word of the other language and a name in a sentence", () => {
    const draft = fringeBenefits();
    draft.fi.utterances.push(
      "how are employee stock options taxed",
      "skattekort",
      "luontoisedut OmaVerossa ja MinSkatt",
    );
    draft.sv.utterances.push("stock options taxation finland", "verokortti");

    expect(saidAbout(validateDraftTopic(draft, shipped))).toEqual([]);
  });
});

describe("an answer whose languages say different figures", () => {
  const shipped = loadContentBundle();
  const workDeductions = () =>
    structuredClone(shipped.topics.find((t) => t.id === "work-deductions") as TopicFile);
  const taxCard = () =>
    structuredClone(shipped.topics.find((t) => t.id === "tax-card") as TopicFile);
  const saidAbout = (problems: readonly { path: string; finding?: Finding; severity: string }[]) =>
    problems
      .filter((p) => p.finding?.code === "answersDisagree")
      .map((p) => [p.severity, p.path, p.finding?.params]);

  it("says nothing about the shipped content", () => {
    expect(saidAbout(checkBundle(shipped).problems)).toEqual([]);
  });

  it("warns at the Swedish answer when one language was updated and the other was not", () => {
    const draft = workDeductions();
    expect(draft.fi.answer).toContain("750");
    draft.sv.answer = draft.sv.answer.replace("750", "760");

    const problems = validateDraftTopic(draft, shipped);

    expect(saidAbout(problems)).toEqual([
      ["warning", "sv.answer", { field: ["sv", "answer"], onlyFi: ["750"], onlySv: ["760"] }],
    ]);
    const told = problems.find((p) => p.finding?.code === "answersDisagree");
    expect(tell(told?.finding as Finding, "fi").message).toBe(
      "Vastauksen suomen- ja ruotsinkielisessä tekstissä on eri luvut: vain suomeksi 750; vain ruotsiksi 760.",
    );
  });

  it("reads thousands spaces and the decimal sign alike, and compares personal answers' placeholders", () => {
    const draft = workDeductions();
    draft.fi.answer = "Vähennys on 1 600 euroa ja 25,5 %.";
    draft.sv.answer = "Avdraget är 1600 euro och 25.5 %.";
    const card = taxCard();
    const personal = card.sv.personal as Record<string, string>;
    personal.default = (personal.default as string).replace("{incomeLimit}", "inkomstgränsen");

    expect(saidAbout(validateDraftTopic(draft, shipped))).toEqual([]);
    expect(saidAbout(validateDraftTopic(card, shipped))).toEqual([
      [
        "warning",
        "sv.personal.default",
        { field: ["sv", "personal", "default"], onlyFi: ["{incomeLimit}"], onlySv: [] },
      ],
    ]);
  });

  it("checks a referral group's answer too", () => {
    const group = referral("traficom", {
      fi: { answer: "Ajoneuvovero on Traficomin asia. Se maksetaan 14 päivässä." },
    });
    expect(saidAbout(validateDraftReferral(group, shipped))).toEqual([
      ["warning", "sv.answer", { field: ["sv", "answer"], onlyFi: ["14"], onlySv: [] }],
    ]);
  });
});

describe("a topic's review date", () => {
  const reviewed = (reviewBy: unknown) =>
    bundle({
      topics: IDS.map((id) =>
        id === "vat" ? { ...topic(id), reviewBy } : topic(id),
      ) as TopicFile[],
    });
  const about = (problems: readonly { path: string; finding?: Finding; severity: string }[]) =>
    problems
      .filter((p) => p.path === "reviewBy")
      .map((p) => [p.severity, p.finding?.code, p.finding?.params]);

  it("accepts a date written YYYY-MM-DD and hands it to the bot's content", () => {
    const { problems, content } = checkBundle(reviewed("2027-01-31"), { today: "2026-12-05" });

    expect(problems).toEqual([]);
    expect(content?.topics.get("vat")?.reviewBy).toBe("2027-01-31");
  });

  it.each([
    ["31.12.2026", "a Finnish way of writing it"],
    ["2027-1-31", "without leading zeros"],
    ["2027-02-30", "a day that does not exist"],
    ["", "nothing"],
  ])("refuses %j (%s) as an error naming the field and the form", (value) => {
    const { problems, content } = checkBundle(reviewed(value));

    expect(content).toBeUndefined();
    expect(about(problems)).toEqual([["error", "notADate", { field: ["reviewBy"], value }]]);
    expect(problems.find((p) => p.path === "reviewBy")).toMatchObject({
      file: "topics/vat.yaml",
      message: `reviewBy: "${value}" is not a date written YYYY-MM-DD`,
    });
  });

  it("refuses a date that is not text", () => {
    expect(about(checkBundle(reviewed(20270131)).problems)).toEqual([
      ["error", "wrongType", { field: ["reviewBy"], expected: "string" }],
    ]);
  });

  it("warns once the day after the review date has come, never as an error", () => {
    const { problems, content } = checkBundle(reviewed("2026-11-30"), { today: "2026-12-01" });

    expect(about(problems)).toEqual([
      ["warning", "reviewOverdue", { id: "vat", reviewBy: "2026-11-30" }],
    ]);
    expect(problems.find((p) => p.path === "reviewBy")).toMatchObject({
      message: "topic vat was due for review on 2026-11-30",
      fix: "Check the answer is still right in both languages (tax rates, amounts, deadlines), then set reviewBy to the next review date.",
    });
    // Warnings only: the content is still the bot's.
    expect(content?.topics.get("vat")).toBeDefined();
  });

  it("says nothing on the review date itself, before it, or without a day to compare with", () => {
    expect(about(checkBundle(reviewed("2026-11-30"), { today: "2026-11-30" }).problems)).toEqual(
      [],
    );
    expect(about(checkBundle(reviewed("2027-01-31"), { today: "2026-12-05" }).problems)).toEqual(
      [],
    );
    expect(about(checkBundle(reviewed("2020-01-01")).problems)).toEqual([]);
  });

  it("warns about an answer with amounts or rates and no review date, and not about years", () => {
    const withAnswer = (answer: string, reviewBy?: string) =>
      bundle({
        topics: IDS.map((id) =>
          id === "vat"
            ? {
                ...topic(id),
                fi: { ...topic(id).fi, answer },
                sv: { ...topic(id).sv, answer },
                ...(reviewBy ? { reviewBy } : {}),
              }
            : topic(id),
        ) as TopicFile[],
      });
    const rates = "Yleinen verokanta on 25,5 % ja alaraja 20 000 euroa; 14 % elintarvikkeille.";

    expect(about(checkBundle(withAnswer(rates)).problems)).toEqual([
      ["warning", "reviewDateMissing", { id: "vat", figures: ["25,5 %", "20 000 euroa", "14 %"] }],
    ]);
    expect(about(checkBundle(withAnswer(rates, "2027-01-31")).problems)).toEqual([]);
    expect(about(checkBundle(withAnswer("Vähennys poistui vuodesta 2023.")).problems)).toEqual([]);
  });

  it("warns at the field of a draft topic checked with the day", () => {
    const draft = { ...topic("vat"), reviewBy: "2026-06-30" };

    const problems = validateDraftTopic(draft, bundle(), { today: "2026-12-05" });

    expect(about(problems)).toEqual([
      ["warning", "reviewOverdue", { id: "vat", reviewBy: "2026-06-30" }],
    ]);
    expect(validateDraftTopic(draft, bundle(), { today: "2026-06-30" })).toEqual([]);
  });

  it("points content:check at the line of reviewBy in the topic's file", () => {
    const dir = mkdtempSync(join(tmpdir(), "content-review-"));
    try {
      mkdirSync(join(dir, "topics"));
      for (const t of bundle().topics) {
        const file = topicYaml(t.id === "vat" ? { ...t, reviewBy: "2026-11-30" } : t);
        writeFileSync(join(dir, "topics", `${t.id}.yaml`), file);
      }
      writeFileSync(join(dir, "out-of-scope.yaml"), "fi: [Millainen sää huomenna?]\nsv: []\n");

      const { problems } = checkContent(dir, { today: "2026-12-05" });

      const overdue = problems.find((p) => p.finding?.code === "reviewOverdue");
      expect(overdue).toMatchObject({ severity: "warning", file: "topics/vat.yaml", line: 4 });
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
