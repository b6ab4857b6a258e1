/**
 * A list of strings as one JSON string, for the parts of a recogniser snapshot that are long
 * lists (22,000 feature names a language). A worker's message is deserialised on the
 * receiving thread in one go: as a list such a part costs that thread about a millisecond per
 * 10,000 strings, on the chats' event loop; as one string it is a copy, and parsing it
 * happens where the restore chooses (between other work).
 */
export type PackedStrings = string & { readonly packedStrings: unique symbol };

export function packStrings(list: Iterable<string>): PackedStrings {
  return JSON.stringify([...list]) as PackedStrings;
}

/** The list `packStrings` packed; throws if `packed` is not a JSON list of strings. */
export function unpackStrings(packed: PackedStrings, what: string): string[] {
  const list: unknown = JSON.parse(packed);
  if (!Array.isArray(list) || !list.every((s) => typeof s === "string")) {
    throw new Error(`${what}: not a packed list of strings`);
  }
  return list;
}
