import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { appointmentsCsv, CSV_COLUMNS, csvRows, exportFilename, type PatientExport } from "./export-format";

/** RFC 4180 as a spreadsheet reads it: quoted cells, doubled quotes, CRLF rows. */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  const endCell = () => {
    row.push(cell);
    cell = "";
  };
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") endCell();
    else if (c === "\r" && text[i + 1] === "\n") {
      endCell();
      rows.push(row);
      row = [];
      i++;
    } else cell += c;
  }
  return rows;
}

describe("CSV", () => {
  it("reads back every cell as written, except that formula-like text gets a leading apostrophe", () => {
    fc.assert(
      fc.property(fc.array(fc.array(fc.string(), { minLength: 2, maxLength: 2 }), { maxLength: 5 }), (rows) => {
        const back = parseCsv(csvRows(["a", "b"], rows));
        expect(back[0]).toEqual(["a", "b"]);
        expect(back.slice(1)).toEqual(rows.map((r) => r.map((cell) => (/^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell))));
      }),
    );
  });

  it("has one row per appointment with the payment's amounts and Stripe ids", () => {
    const data: PatientExport = {
      format: "patient-export/1",
      exportedAt: "2030-01-07T12:00:00.000Z",
      clinic: { id: "c", name: "C" },
      waitlist: [],
      waitlistEmails: [],
      email: "ada@example.com",
      appointments: [
        {
          id: "a1",
          appointment: { status: "confirmed", patient: { name: "Ada", email: "ada@example.com", phone: "1" }, reason: "=cough", payment: { status: "paid", amountCents: 5000, intentId: "pi_1", chargeId: "ch_1" } },
          history: [],
          visit: { status: "completed" },
          emails: [],
          extraCharges: [],
        },
      ],
    };
    const [header, row] = parseCsv(appointmentsCsv(data));
    const cell = (name: (typeof CSV_COLUMNS)[number]) => row![header!.indexOf(name)];
    expect(cell("id")).toBe("a1");
    expect(cell("reason")).toBe("'=cough");
    expect([cell("paidCents"), cell("paymentIntentId"), cell("chargeId"), cell("visitStatus")]).toEqual(["5000", "pi_1", "ch_1", "completed"]);
  });

  it("names the file by date only", () => {
    expect(exportFilename("2030-01-07T12:00:00.000Z", "csv")).toBe("patient-export-2030-01-07.csv");
  });
});
