/**
 * The studio's views as address-bar fragments (`#/topics/capital-gains`), so the back button,
 * bookmarks and reloads keep the place.
 */
export type Route =
  | { view: "topics" }
  | { view: "new" }
  | { view: "topic"; id: string }
  /** `kind`: the answer review's sampled questions instead of the misses (`#/inbox?kind=sampled`). */
  | { view: "inbox"; kind?: "sampled" }
  | { view: "referrals" }
  | { view: "referral"; id: string }
  | { view: "out-of-scope" }
  | { view: "uncovered" }
  | { view: "try" }
  | { view: "test" }
  | { view: "versions" };

export type ViewName = Route["view"];

/** The route for a fragment; anything unknown is the topic list. */
export function parseRoute(hash: string): Route {
  const path = hash.replace(/^#\/?/, "");
  const [first, second] = path.split("/");
  // Not under topics/: a topic may be called "new".
  if (first === "new") return { view: "new" };
  if (first === "topics" && second) {
    let id = second;
    try {
      id = decodeURIComponent(second);
    } catch {
      // Keep the raw text; the server answers 404 for an id that does not exist.
    }
    return { view: "topic", id };
  }
  if (first?.split("?")[0] === "inbox") {
    // The list shown is query state of the one page; any other kind is the default list.
    const kind = new URLSearchParams(first.slice("inbox".length)).get("kind");
    return kind === "sampled" ? { view: "inbox", kind } : { view: "inbox" };
  }
  if (first === "referrals" && second) return { view: "referral", id: safeDecode(second) };
  if (first === "referrals") return { view: "referrals" };
  if (first === "out-of-scope") return { view: "out-of-scope" };
  if (first === "uncovered") return { view: "uncovered" };
  if (first === "try") return { view: "try" };
  if (first === "test") return { view: "test" };
  if (first === "versions") return { view: "versions" };
  return { view: "topics" };
}

/** The fragment of a route; `parseRoute(routeHash(r))` gives `r` back. */
export function routeHash(route: Route): string {
  switch (route.view) {
    case "new":
      return "#/new";
    case "topic":
      return `#/topics/${encodeURIComponent(route.id)}`;
    case "topics":
      return "#/topics";
    case "referral":
      return `#/referrals/${encodeURIComponent(route.id)}`;
    case "inbox":
      return route.kind ? `#/inbox?kind=${route.kind}` : "#/inbox";
    default:
      return `#/${route.view}`;
  }
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
