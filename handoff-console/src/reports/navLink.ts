/**
 * The console's link to the Reports page, offered only to holders of the supervisor role
 * (the server refuses others anyway). Kept apart from the page so the console bundle does not
 * pull in the charts.
 */
import { h, tx } from "../dom.ts";
import { isSupervisorToken } from "./reportsApi.ts";

const LABEL = { fi: "Raportit", sv: "Rapporter" } as const;

/** A nav list item linking to /console/reports, or undefined when the token is no supervisor's. */
export function reportsNavItem(token: string): HTMLLIElement | undefined {
  if (!isSupervisorToken(token)) return undefined;
  return h(
    "li",
    {},
    h(
      "a",
      { href: "/console/reports" },
      tx((t) => LABEL[t.lang]),
    ),
  );
}
