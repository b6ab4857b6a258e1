/**
 * The console's link to the Reports page, offered only to holders of the supervisor role
 * (the server refuses others anyway). Kept apart from the page so the console bundle does not
 * pull in the charts.
 */
import { uiLang } from "../i18n.ts";
import { isSupervisorToken } from "./reportsApi.ts";

const LABEL = { fi: "Raportit", sv: "Rapporter" } as const;

/** A nav list item linking to /console/reports, or nothing when the token is no supervisor's. */
export function ReportsNavItem(props: { token: string }) {
  if (!isSupervisorToken(props.token)) return null;
  return (
    <li>
      <a href="/console/reports">{LABEL[uiLang.value]}</a>
    </li>
  );
}
