import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RequestSent } from "./request-sent";

const text = (html: string) => html.replace(/<[^>]+>/g, " ").replace(/&#x27;/g, "'").replace(/\s+/g, " ");

describe("RequestSent", () => {
  it("names the address the link went to, so a typo shows", () => {
    expect(text(renderToStaticMarkup(<RequestSent feeLabel={null} email="ana@example.com" />))).toContain(
      "We've emailed a link to this page to ana@example.com .",
    );
  });
});
