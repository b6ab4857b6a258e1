import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { stringify } from "yaml";
import { OpeningHoursConfigError } from "./config.ts";
import { loadOpeningHours, parseOpeningHours, parseOpeningHoursYaml } from "./load.ts";

const week = {
  mon: [{ open: "09:00", close: "16:00" }],
  tue: [{ open: "09:00", close: "16:00" }],
  wed: [{ open: "09:00", close: "16:00" }],
  thu: [{ open: "09:00", close: "16:00" }],
  fri: [{ open: "09:00", close: "16:00" }],
  sat: [],
  sun: [],
};

// biome-ignore lint/suspicious/noExplicitAny: the tests deliberately write invalid shapes.
type Loose = Record<string, any>;

/** A valid config with one change applied, to check each field's validation on its own. */
function withChange(change: (c: Loose) => void): Record<string, unknown> {
  const c: Loose = structuredClone({
    timeZone: "Europe/Helsinki",
    holidays: { country: "FI", closedTypes: ["public"] },
    queues: { fi: { weekly: week, exceptions: [] }, sv: { weekly: week } },
  });
  change(c);
  return c;
}

describe("the repository config", () => {
  const s = loadOpeningHours();

  it("loads, with both queues on weekdays 9-16 and the documented appointment settings", () => {
    expect(s.config.timeZone).toBe("Europe/Helsinki");
    expect(s.config.holidays).toEqual({ country: "FI", closedTypes: ["public"] });
    for (const q of ["fi", "sv"] as const) {
      const queue = s.config.queues[q];
      for (const d of ["mon", "tue", "wed", "thu", "fri"] as const) {
        expect(queue.weekly[d]).toEqual([{ open: "09:00", close: "16:00" }]);
      }
      expect(queue.weekly.sat).toEqual([]);
      expect(queue.weekly.sun).toEqual([]);
      expect(queue.appointments).toEqual({
        slotMinutes: 30,
        capacityPerSlot: 2,
        horizonDays: 14,
        minNoticeMinutes: 120,
      });
      expect(queue.exceptions).toEqual(
        expect.arrayContaining([
          expect.objectContaining({ rule: "christmas-eve", closed: true }),
          expect.objectContaining({ rule: "midsummer-eve", closed: true }),
          expect.objectContaining({ rule: "epiphany-eve", closesAt: "14:00" }),
        ]),
      );
    }
  });
});

describe("defaults", () => {
  it("fills appointment settings, exceptions and closed holiday types", () => {
    const s = parseOpeningHours(
      withChange((c) => {
        c.holidays = { country: "FI" };
        c.queues.fi = { weekly: week };
      }),
    );
    expect(s.config.holidays.closedTypes).toEqual(["public"]);
    expect(s.config.queues.fi.exceptions).toEqual([]);
    expect(s.config.queues.fi.appointments).toEqual({
      slotMinutes: 30,
      capacityPerSlot: 2,
      horizonDays: 14,
      minNoticeMinutes: 120,
    });
  });
});

describe("validation names the offending field", () => {
  let errorSpy: ReturnType<typeof vi.spyOn>;
  // date-holidays writes unparsable rules to console.error; keep the test output clean.
  beforeEach(() => {
    errorSpy = vi.spyOn(console, "error").mockImplementation(() => {});
  });
  afterEach(() => errorSpy.mockRestore());

  it.each<[string, (c: Loose) => void, RegExp]>([
    [
      "bad time zone",
      (c) => {
        c.timeZone = "Europe/Helsingfors";
      },
      /timeZone: not a valid IANA time zone/,
    ],
    [
      "unknown country",
      (c) => {
        c.holidays.country = "XX";
      },
      /holidays\.country: date-holidays has no country "XX"/,
    ],
    [
      "unknown holiday type",
      (c) => {
        c.holidays.closedTypes = ["public", "party"];
      },
      /holidays\.closedTypes\[1\]/,
    ],
    [
      "missing sv queue",
      (c) => {
        delete c.queues.sv;
      },
      /queues\.sv:/,
    ],
    [
      "extra queue",
      (c) => {
        c.queues.en = { weekly: week };
      },
      /queues: .*en/,
    ],
    [
      "missing weekday",
      (c) => {
        c.queues.fi.weekly = { ...week, wed: undefined };
      },
      /queues\.fi\.weekly\.wed:/,
    ],
    [
      "misspelt weekday",
      (c) => {
        c.queues.fi.weekly = { ...week, thur: [] };
      },
      /queues\.fi\.weekly: .*thur/,
    ],
    [
      "bad time",
      (c) => {
        c.queues.fi.weekly.mon = [{ open: "9:00", close: "16:00" }];
      },
      /queues\.fi\.weekly\.mon\[0\]\.open: expected a time "HH:MM"/,
    ],
    [
      "25:00",
      (c) => {
        c.queues.fi.weekly.mon = [{ open: "09:00", close: "25:00" }];
      },
      /queues\.fi\.weekly\.mon\[0\]\.close: expected a time/,
    ],
    [
      "close before open",
      (c) => {
        c.queues.fi.weekly.tue = [{ open: "16:00", close: "09:00" }];
      },
      /queues\.fi\.weekly\.tue\[0\]\.close: close must be later than open/,
    ],
    [
      "overlap",
      (c) => {
        c.queues.fi.weekly.mon = [
          { open: "09:00", close: "12:00" },
          { open: "11:00", close: "16:00" },
        ];
      },
      /queues\.fi\.weekly\.mon\[1\]\.open: intervals must be in order/,
    ],
    [
      "never open",
      (c) => {
        c.queues.sv.weekly = { ...week, mon: [], tue: [], wed: [], thu: [], fri: [] };
      },
      /queues\.sv\.weekly: at least one weekday/,
    ],
    [
      "exception without date or rule",
      (c) => {
        c.queues.fi.exceptions = [{ closed: true }];
      },
      /queues\.fi\.exceptions\[0\]\.date: give exactly one of date or rule/,
    ],
    [
      "exception with date and rule",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-12-24", rule: "christmas-eve", closed: true }];
      },
      /exceptions\[0\]\.date: give exactly one/,
    ],
    [
      "unknown rule",
      (c) => {
        c.queues.fi.exceptions = [{ rule: "xmas", closed: true }];
      },
      /queues\.fi\.exceptions\[0\]\.rule: unknown rule "xmas"/,
    ],
    [
      "impossible date",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-02-30", closed: true }];
      },
      /exceptions\[0\]\.date: not a real calendar date/,
    ],
    [
      "badly written date",
      (c) => {
        c.queues.fi.exceptions = [{ date: "24.12.2026", closed: true }];
      },
      /exceptions\[0\]\.date: expected a date "YYYY-MM-DD"/,
    ],
    [
      "exception that does nothing",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-12-24" }];
      },
      /exceptions\[0\]\.closed: give exactly one of closed, hours, or opensAt\/closesAt/,
    ],
    [
      "exception doing two things",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-12-24", closed: true, closesAt: "14:00" }];
      },
      /exceptions\[0\]\.closed: give exactly one/,
    ],
    [
      "closed: false",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-12-24", closed: false }];
      },
      /exceptions\[0\]\.closed/,
    ],
    [
      "unknown exception field",
      (c) => {
        c.queues.fi.exceptions = [{ date: "2026-12-24", closesat: "14:00" }];
      },
      /exceptions\[0\]: .*closesat/,
    ],
    [
      "zero capacity",
      (c) => {
        c.queues.fi.appointments = { capacityPerSlot: 0 };
      },
      /queues\.fi\.appointments\.capacityPerSlot/,
    ],
    [
      "fractional slot",
      (c) => {
        c.queues.fi.appointments = { slotMinutes: 12.5 };
      },
      /queues\.fi\.appointments\.slotMinutes/,
    ],
    [
      "negative notice",
      (c) => {
        c.queues.fi.appointments = { minNoticeMinutes: -1 };
      },
      /queues\.fi\.appointments\.minNoticeMinutes/,
    ],
    [
      "horizon as text",
      (c) => {
        c.queues.sv.appointments = { horizonDays: "14" };
      },
      /queues\.sv\.appointments\.horizonDays/,
    ],
  ])("%s", (_label, change, message) => {
    expect(() => parseOpeningHours(withChange(change), "test.yaml")).toThrow(
      OpeningHoursConfigError,
    );
    expect(() => parseOpeningHours(withChange(change), "test.yaml")).toThrow(message);
    expect(() => parseOpeningHours(withChange(change), "test.yaml")).toThrow(
      /^test\.yaml is invalid/,
    );
  });

  it("accepts date-holidays rule expressions", () => {
    expect(() =>
      parseOpeningHours(
        withChange((c) => {
          c.queues.fi.exceptions = [
            { rule: "easter -3", closesAt: "14:00" },
            { rule: "friday after 06-19", closed: true },
            { rule: "12-31", hours: [{ open: "09:00", close: "12:00" }] },
          ];
        }),
      ),
    ).not.toThrow();
  });

  it("rejects the empty document", () => {
    expect(() => parseOpeningHoursYaml("", "empty.yaml")).toThrow(/empty\.yaml is invalid/);
  });

  it("reports YAML syntax errors", () => {
    expect(() => parseOpeningHoursYaml("timeZone: [", "broken.yaml")).toThrow(
      /broken\.yaml is not valid YAML/,
    );
  });
});

describe("loadOpeningHours", () => {
  it("reads a given path", () => {
    const dir = mkdtempSync(join(tmpdir(), "opening-hours-"));
    const file = join(dir, "hours.yaml");
    writeFileSync(file, stringify(withChange(() => {})));
    expect(loadOpeningHours(file).config.queues.sv.weekly.mon).toEqual([
      { open: "09:00", close: "16:00" },
    ]);
  });

  it("names a missing file", () => {
    expect(() => loadOpeningHours("/nonexistent/hours.yaml")).toThrow(
      /cannot read opening hours config \/nonexistent\/hours\.yaml/,
    );
  });

  it("names the file and field of an invalid config", () => {
    const dir = mkdtempSync(join(tmpdir(), "opening-hours-"));
    const file = join(dir, "bad.yaml");
    writeFileSync(
      file,
      stringify(
        withChange((c) => {
          c.queues.fi.weekly.fri = [{ open: "x", close: "16:00" }];
        }),
      ),
    );
    expect(() => loadOpeningHours(file)).toThrow(`${file} is invalid`);
    expect(() => loadOpeningHours(file)).toThrow(/queues\.fi\.weekly\.fri\[0\]\.open/);
  });
});
