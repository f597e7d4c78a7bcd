// What a form's summary says after the server turns it down. Each field shows
// its own error beside it; the summary (focused, so it is announced) must not
// say the same words again, so when the server's message is one a field
// already shows, the summary points at the fields instead. "_" holds a
// form-level error, which no field shows.

export const CHECK_FIELD = "Please check the highlighted field.";
export const CHECK_FIELDS = "Please check the highlighted fields.";

export function summaryMessage(message: string, fields: Record<string, string>): string {
  const shownByFields = Object.entries(fields).filter(([key]) => key !== "_");
  if (!shownByFields.some(([, text]) => sameWords(text, message))) return message;
  return shownByFields.length === 1 ? CHECK_FIELD : CHECK_FIELDS;
}

// Field messages sometimes drop the closing full stop ("Please choose a time").
const sameWords = (a: string, b: string) => a.trim().replace(/\.$/, "") === b.trim().replace(/\.$/, "");
