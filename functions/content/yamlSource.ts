import { readFileSync } from "node:fs";
import { type Document, LineCounter, parseDocument } from "yaml";

/** One YAML file kept together with what is needed to point at its lines. */
export interface YamlSource {
  /** Path shown to content owners, relative to the content directory. */
  file: string;
  /** The file's text, to quote a line back to its author. */
  text: string;
  doc: Document.Parsed;
  lineCounter: LineCounter;
}

/** Parses a YAML file without throwing; syntax errors stay in `doc.errors`. */
export function readYamlSource(absolutePath: string, shownAs: string): YamlSource {
  const lineCounter = new LineCounter();
  const text = readFileSync(absolutePath, "utf8");
  const doc = parseDocument(text, { lineCounter, prettyErrors: false });
  return { file: shownAs, text, doc, lineCounter };
}

/** Line (1-based) of the value at `path`, or of its nearest existing parent when it is missing. */
export function lineOf(source: YamlSource, path: readonly PropertyKey[]): number {
  for (let depth = path.length; depth >= 0; depth--) {
    const node = source.doc.getIn(path.slice(0, depth) as unknown[], true) as
      | { range?: [number, number, number] }
      | undefined;
    if (node?.range) return source.lineCounter.linePos(node.range[0]).line;
  }
  return 1;
}

/** Line (1-based) of a character offset in the file. */
export function lineAt(source: YamlSource, offset: number): number {
  return source.lineCounter.linePos(offset).line;
}
