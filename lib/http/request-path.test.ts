import { describe, expect, it } from "vitest";
import { bookingSlugOf } from "./request-path";

describe("bookingSlugOf", () => {
  it("finds the clinic slug of a clinic page and of its doctors' pages, in lowercase", () => {
    expect(bookingSlugOf("/book/demo")).toBe("demo");
    expect(bookingSlugOf("/book/Demo-Free/dr-mei-lin")).toBe("demo-free");
  });

  it("names no clinic for other paths or a malformed escape", () => {
    for (const path of ["/", "/book", "/book/", "/dashboard/book/demo", "/booking/demo", null, undefined, "/book/%E0%A4%A"]) {
      expect(bookingSlugOf(path)).toBeUndefined();
    }
  });
});
