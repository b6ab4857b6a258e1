// date-holidays-parser ships its declarations but its package "exports" hide them from
// TypeScript; this points at them.
/// <reference path="../../../node_modules/date-holidays-parser/types/index.d.ts" />

// date-holidays exports its data set (every country's rules) without type declarations.
declare module "date-holidays/data" {
  export const data: {
    version: string;
    license: string;
    holidays: Record<string, Record<string, unknown>>;
    names: Record<string, unknown>;
  };
}
