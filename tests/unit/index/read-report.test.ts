import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { readReport, reportIdFromPath } from "../../../src/index/read-report.js";

const dir = mkdtempSync(path.join(tmpdir(), "dossier-read-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const file = (name: string, content: string | Uint8Array) => {
  const p = path.join(dir, name);
  writeFileSync(p, content);
  return p;
};

describe("readReport", () => {
  it("takes the id from the file name and the title from a leading # line", async () => {
    const r = await readReport(file("Border Talks.md", "# Border talks resume\n\nThey resumed today."), 1000);
    expect(r.id).toBe("border-talks");
    expect(r.title).toBe("Border talks resume");
    expect(r.hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it("derives a title from the id when there is no heading, and normalises CRLF", async () => {
    const r = await readReport(file("trade-deal.txt", "A deal was signed.\r\nIt holds."), 1000);
    expect(r.title).toBe("Trade Deal");
    expect(r.text).toBe("A deal was signed.\nIt holds.");
  });

  it.each([
    ["empty.txt", "  \n", /empty file/],
    ["binary.txt", new Uint8Array([0x50, 0x4b, 0x03, 0x04, 0x00, 0x01]), /binary/],
    ["latin1.txt", new Uint8Array([0x63, 0x61, 0x66, 0xe9, 0x20, 0x6f, 0x6b]), /not valid UTF-8/],
    ["big.txt", "x".repeat(2000), /over the 1000-byte limit/],
    ["notes.pdf", "hello", /notes\.pdf: not a PDF file/],
    ["notes.exe", "hello", /notes\.exe: not a supported report type/],
  ])("rejects %s with a one-line reason", async (name, content, reason) => {
    await expect(readReport(file(name, content), 1000)).rejects.toThrow(reason);
  });

  it("makes ids safe for commands and paths", () => {
    expect(reportIdFromPath("/x/Ça va? Report (2).TXT")).toBe("ça-va-report-2");
    expect(reportIdFromPath("/x/東京 速報.md")).toBe("東京-速報");
  });
});
