import { describe, expect, it } from "vitest";
import {
  emptyReferralForm,
  formFromReferral,
  placeReferralProblem,
  referralFromForm,
  referralIdProblem,
} from "./referralForm.ts";

const traficom = {
  id: "traficom",
  fi: {
    title: "Ajoneuvovero ja Traficom",
    answer: "Ajoneuvovero on Traficomin asia.\n",
    link: { label: "Traficom", url: "https://www.traficom.fi/fi" },
    sentences: ["ajoneuvovero", "auton vero"],
  },
  sv: {
    title: "Fordonsskatt och Traficom",
    answer: "Fordonsskatten sköts av Traficom.",
    link: { label: "Traficom", url: "https://www.traficom.fi/sv" },
    sentences: ["fordonsskatt"],
  },
};

describe("the referral form", () => {
  it("holds sentences one per line and gives the group back without blank lines", () => {
    const form = formFromReferral(traficom);
    form.fi.sentences = `${form.fi.sentences}\n\n  käyttövoimavero  \n`;

    const group = referralFromForm(form);

    expect(group.fi.sentences).toEqual(["ajoneuvovero", "auton vero", "käyttövoimavero"]);
    expect(group.fi.link).toEqual(traficom.fi.link);
    expect(group.fi.answer).toBe("Ajoneuvovero on Traficomin asia.");
  });

  it("places the check's problems next to their fields, sentences by position", () => {
    expect(placeReferralProblem({ path: "fi.sentences[3]", message: "x" })).toMatchObject({
      field: "fi.sentences",
      index: 3,
    });
    expect(placeReferralProblem({ path: "sv.link.url", message: "x" }).field).toBe("sv.link");
    expect(placeReferralProblem({ path: "", message: "quota" }).field).toBe("general");
  });

  it("asks for a free, well-formed id before the server is asked", () => {
    const messages = {
      idMissing: "missing",
      idForm: "form",
      idTaken: (id: string) => `taken ${id}`,
    };
    const taken = new Set(["kela"]);

    expect(referralIdProblem(emptyReferralForm().id, taken, messages)?.message).toBe("missing");
    expect(referralIdProblem("Kela!", taken, messages)?.message).toBe("form");
    expect(referralIdProblem("kela", taken, messages)?.message).toBe("taken kela");
    expect(referralIdProblem("traficom", taken, messages)).toBeUndefined();
  });
});
