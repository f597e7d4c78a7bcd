import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { EMPTY_DETAILS, RequestForm } from "./request-form";

// The form's limits show while the patient types, not only when they submit.

function render(name: string) {
  return renderToStaticMarkup(
    <RequestForm
      start="2026-12-04T15:00:00.000Z"
      clinicName="Demo Clinic"
      feeCents={0}
      feeLabel="$0.00"
      details={{ ...EMPTY_DETAILS, name }}
      onDetailsChange={() => {}}
      onSubmit={async () => null}
    />,
  );
}

describe("the name's length limit", () => {
  it("is counted under the field as the patient types, and read with it", () => {
    const html = render("Ann Lee");
    const input = /<input[^>]*id="booking-name"[^>]*>/.exec(html)?.[0] ?? "";
    expect(input).toContain('maxLength="100"');
    const describedBy = /aria-describedby="([^"]+)"/.exec(input)?.[1]?.split(" ") ?? [];
    const counter = describedBy.map((id) => new RegExp(`<p id="${id}"[^>]*>([^<]*)`).exec(html)?.[1]).find((text) => text?.includes("/"));
    expect(counter).toBe("7/100");
  });

  it("turns amber near the limit", () => {
    expect(render("x".repeat(95))).toMatch(/text-amber-800[^>]*>95\/100/);
  });
});
