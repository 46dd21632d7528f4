import { describe, expect, it } from "vitest";
import { isUrl } from "../../../src/engine/url-reports.js";

describe("isUrl", () => {
  it("takes any scheme with an authority, and the schemes that have none, as an address", () => {
    for (const a of ["https://example.com/a", "ftp://example.com/x", "file:///etc/passwd", "javascript:alert(1)", "JavaScript:void(0)", "mailto:desk@example.com", "data:text/html,<p>x</p>"]) {
      expect(isUrl(a), a).toBe(true);
    }
  });

  it("leaves paths to files as paths, a Windows drive and a colon in a name included", () => {
    for (const p of ["reports/talks.txt", "./corpus", "C:\\reports\\talks.txt", "notes:v2.txt", "/tmp/a.md"]) expect(isUrl(p), p).toBe(false);
  });
});
