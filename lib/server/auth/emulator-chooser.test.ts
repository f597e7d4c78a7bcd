import { describe, expect, it } from "vitest";
import { withoutInternetAssets } from "./emulator-chooser";

describe("withoutInternetAssets", () => {
  it("drops the chooser's stylesheets and scripts from the internet, and keeps its own inline script", () => {
    const html = [
      '<link href="https://unpkg.com/material-components-web@10/dist/material-components-web.min.css" rel="stylesheet">',
      '<link href="https://fonts.googleapis.com/icon?family=Material+Icons" rel="stylesheet">',
      '<style>.x{}</style>',
      '<script src="https://unpkg.com/material-components-web@10/dist/material-components-web.min.js"></script>',
      "<script>var query = new URLSearchParams(location.search);</script>",
    ].join("\n");
    const kept = withoutInternetAssets(html);
    expect(kept).not.toContain("https://");
    expect(kept).toContain("<style>.x{}</style>");
    expect(kept).toContain("<script>var query = new URLSearchParams(location.search);</script>");
  });
});
