import type { Lang } from "../../contracts/lang.ts";

/**
 * What the customer is told after a callback request or a booking, in Finnish and Swedish.
 * Each says what happens next and gives the reference; the phone number is shown only by
 * its last digits, because confirmations end up in chat transcripts.
 */

/** `when` is a formatted opening time, e.g. "maanantaina 24.11. klo 9.00"; absent when open now. */
export function callbackConfirmation(
  lang: Lang,
  p: { reference: string; phoneEnding: string; when?: string },
): string {
  if (lang === "sv") {
    const timing = p.when ? `tidigast ${p.when}` : "så snart som möjligt under öppettiderna";
    return (
      `Tack, vi har tagit emot din begäran om att bli uppringd. Referens: ${p.reference}. ` +
      `En kundrådgivare ringer dig på numret som slutar på ${p.phoneEnding} ${timing}. ` +
      "Uppge referensen om du kontaktar oss i samma ärende."
    );
  }
  const timing = p.when ? `aikaisintaan ${p.when}` : "mahdollisimman pian palvelun aukioloaikana";
  return (
    `Kiitos, soittopyyntösi on vastaanotettu. Viite: ${p.reference}. ` +
    `Asiakasneuvoja soittaa sinulle numeroon, joka päättyy ${p.phoneEnding}, ${timing}. ` +
    "Kerro viite, jos otat meihin yhteyttä samassa asiassa."
  );
}

export function appointmentConfirmation(
  lang: Lang,
  p: { reference: string; phoneEnding: string; when: string; minutes: number },
): string {
  if (lang === "sv") {
    return (
      `Din telefontid är bokad ${p.when} (${p.minutes} min). Referens: ${p.reference}. ` +
      `En kundrådgivare ringer dig då på numret som slutar på ${p.phoneEnding}. ` +
      "Om du inte kan, avboka tiden med referensen."
    );
  }
  return (
    `Puhelinaikasi on varattu ${p.when} (${p.minutes} min). Viite: ${p.reference}. ` +
    `Asiakasneuvoja soittaa sinulle silloin numeroon, joka päättyy ${p.phoneEnding}. ` +
    "Jos et pääse, peru aika viitteellä."
  );
}

/** Said after a moved appointment's new confirmation. */
export function appointmentMoved(lang: Lang, p: { reference: string }): string {
  return lang === "sv"
    ? `Din tidigare tid (referens ${p.reference}) är avbokad.`
    : `Aiempi aikasi (viite ${p.reference}) on peruttu.`;
}

export function appointmentCancellation(
  lang: Lang,
  p: { reference: string; when: string },
): string {
  return lang === "sv"
    ? `Din telefontid ${p.when} är avbokad (referens ${p.reference}).`
    : `Puhelinaikasi ${p.when} on peruttu (viite ${p.reference}).`;
}
