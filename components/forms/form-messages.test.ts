import { describe, expect, it } from "vitest";
import { CHECK_FIELD, CHECK_FIELDS, summaryMessage } from "./form-messages";

describe("a form's summary never repeats a field's own error", () => {
  it("points at the field when the server's message is the one the field shows", () => {
    const taken = "ann@demo.test is already on your team.";
    expect(summaryMessage(taken, { email: taken })).toBe(CHECK_FIELD);
    expect(summaryMessage("Please choose a time.", { start: "Please choose a time" })).toBe(CHECK_FIELD);
    expect(summaryMessage("That address is taken.", { slug: "That address is taken.", name: "Please enter a name" })).toBe(CHECK_FIELDS);
  });

  it("keeps a message no field shows: a form-level error, a conflict, or a summary of several fields", () => {
    expect(summaryMessage("There's already an account with this email.", { _: "There's already an account with this email." })).toBe(
      "There's already an account with this email.",
    );
    expect(summaryMessage("Someone else changed this a moment ago.", {})).toBe("Someone else changed this a moment ago.");
    expect(summaryMessage(CHECK_FIELDS, { email: "Enter an email", role: "Choose a role" })).toBe(CHECK_FIELDS);
  });
});
