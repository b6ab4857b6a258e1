import type { Lang } from "../../contracts/lang.ts";
import { phrase } from "../dialogue/phrases.ts";

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
      "Om du får förhinder kan du avboka tiden med referensen."
    );
  }
  return (
    `Puhelinaikasi on varattu ${p.when} (${p.minutes} min). Viite: ${p.reference}. ` +
    `Asiakasneuvoja soittaa sinulle silloin numeroon, joka päättyy ${p.phoneEnding}. ` +
    "Jos et pääse, peru aika viitteellä."
  );
}

/**
 * A moved appointment, in one sentence: from when to when, and the reference it now has (a
 * move books anew), with the old one named once so that the confirmation of the old time in
 * the transcript is not taken for a second booking. `from` and `to` as formatOpeningTime
 * words them.
 */
export function appointmentMoved(
  lang: Lang,
  p: {
    from: string;
    to: string;
    minutes: number;
    reference: string;
    previous: string;
    phoneEnding: string;
  },
): string {
  if (lang === "sv") {
    return (
      `Din telefontid har flyttats från ${p.from} till ${p.to} (${p.minutes} min), och dess referens är nu ${p.reference} (tidigare ${p.previous}). ` +
      `En kundrådgivare ringer dig då på numret som slutar på ${p.phoneEnding}.`
    );
  }
  return (
    `Puhelinaikasi on siirretty ajasta ${p.from} uuteen aikaan ${p.to} (${p.minutes} min), ja sen viite on nyt ${p.reference} (aiemmin ${p.previous}). ` +
    `Asiakasneuvoja soittaa sinulle silloin numeroon, joka päättyy ${p.phoneEnding}.`
  );
}

export function appointmentCancellation(
  lang: Lang,
  p: { reference: string; when: string },
): string {
  return lang === "sv"
    ? `Din telefontid ${p.when} är avbokad (referens ${p.reference}).`
    : `Puhelinaikasi ${p.when} on peruttu (viite ${p.reference}).`;
}

/**
 * A second booking while one is open: names the open one and how to move or cancel it (the
 * chat's own "change appointment" action). `when` is absent when the time is not known.
 */
export function bookingAlreadyOpen(lang: Lang, p: { reference: string; when?: string }): string {
  const action = phrase("changeAppointment", lang);
  if (lang === "sv") {
    const at = p.when ? ` ${p.when}` : "";
    return (
      `Du har redan en bokad telefontid${at} (referens ${p.reference}). ` +
      "Du kan ha bara en bokad tid åt gången. " +
      `Om du vill ha en annan tid kan du flytta eller avboka den i chatten: välj ”${action}” och uppge referensen.`
    );
  }
  const at = p.when ? ` ${p.when}` : "";
  return (
    `Sinulla on jo varattu puhelinaika${at} (viite ${p.reference}). ` +
    "Sinulla voi olla yksi varattu aika kerrallaan. " +
    `Jos haluat toisen ajan, voit siirtää tai perua varatun ajan chatissa: valitse ”${action}” ja kerro viite.`
  );
}

/** A second callback request while one is open: the call is coming, nothing more to do. */
export function callbackAlreadyOpen(lang: Lang, p: { reference: string }): string {
  return lang === "sv"
    ? `Vi har redan tagit emot din begäran om att bli uppringd (referens ${p.reference}). ` +
        "En kundrådgivare ringer dig, så du behöver inte skicka en ny begäran. " +
        "Du kan skicka en ny när den här har behandlats."
    : `Olemme jo vastaanottaneet soittopyyntösi (viite ${p.reference}). ` +
        "Asiakasneuvoja soittaa sinulle, joten uutta pyyntöä ei tarvita. " +
        "Voit jättää uuden soittopyynnön, kun tämä on käsitelty.";
}
