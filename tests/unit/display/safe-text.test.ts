import { describe, expect, it } from "vitest";
import { escapeMarkdown } from "../../../src/discord/markdown.js";
import { defangUrls, redactUrlCredentials, shorten, stripControl, urlsIn } from "../../../src/display/safe-text.js";

describe("stripControl", () => {
  it("removes terminal escapes (window title, colours, hyperlinks) and control characters, keeping tabs and lines", () => {
    const text = "Title\u001b]0;owned\u0007 red:\u001b[31mX\u001b[0m link:\u001b]8;;https://evil.example\u001b\\here\u001b]8;;\u001b\\ bell\u0007 nul\u0000 c1\u009b2J rtl\u202e.\tnext\nline";
    expect(stripControl(text)).toBe("Title red:X link:here bell nul c1 rtl.\tnext\nline");
  });

  it("drops only the escape of what is not surely a sequence, so the words after it stay", () => {
    expect(stripControl("Who \u001b]0;chaired the talks?")).toBe("Who ]0;chaired the talks?");
    expect(stripControl("What did \u001b[Word say?")).toBe("What did [Word say?");
    expect(stripControl("up\u001b[A arrow\u001b[1;5C and \u001b[mreset")).toBe("up arrow and reset");
  });
});

describe("defangUrls", () => {
  it("makes every URL unclickable unless it is allowed, keeping the sentence's punctuation", () => {
    const text = "Go to https://evil.example/phish, or http://a.b/c?d=1. Also www.x.org and ftp://f.example.";
    expect(defangUrls(text)).toBe("Go to hxxps://evil[.]example/phish, or hxxp://a[.]b/c?d=1. Also www[.]x[.]org and fxp://f[.]example.");
    expect(defangUrls(text, new Set(["https://evil.example/phish"]))).toMatch(/^Go to https:\/\/evil\.example\/phish, or hxxp/);
  });

  it("finds URLs without their trailing punctuation", () => {
    expect(urlsIn("See (https://a.example/x). And https://b.example/y!")).toEqual(["https://a.example/x", "https://b.example/y"]);
  });
});

describe("redactUrlCredentials", () => {
  it("hides user:password@ in any URL and leaves other text alone", () => {
    expect(redactUrlCredentials("cannot reach http://admin:S3CRETPASS@127.0.0.1:9/v1 (user@example.com)")).toBe(
      "cannot reach http://[redacted]@127.0.0.1:9/v1 (user@example.com)",
    );
  });

  it("hides a password holding a raw @ in full, and database URLs too", () => {
    expect(redactUrlCredentials("http://admin:p@ss@127.0.0.1:9/v1?to=a@b")).toBe("http://[redacted]@127.0.0.1:9/v1?to=a@b");
    expect(redactUrlCredentials("postgres://dossier:S3CRET@db.internal/dossier")).toBe("postgres://[redacted]@db.internal/dossier");
  });
});

describe("shorten", () => {
  it("cuts at a word boundary near the limit and marks the cut", () => {
    expect(shorten("alpha beta gamma", 12)).toBe("alpha beta…");
    expect(shorten("short", 12)).toBe("short");
    expect(shorten("x".repeat(100), 10)).toBe(`${"x".repeat(9)}…`);
    expect(shorten("😀😀😀😀", 4)).toBe("😀…");
  });
});

describe("escapeMarkdown", () => {
  it("escapes markdown and masked links but keeps [n] markers readable", () => {
    expect(escapeMarkdown("*b* _i_ `c` ||s|| ~~x~~ [t](u) <@1> [1]")).toBe("\\*b\\* \\_i\\_ \\`c\\` \\|\\|s\\|\\| \\~\\~x\\~\\~ \\[t\\]\\(u\\) \\<@1\\> [1]");
    expect(escapeMarkdown("# h\n> q\n- l\n12. n\n-# sub")).toBe("\\# h\n\\> q\n\\- l\n12\\. n\n\\-\\# sub");
  });

  it("handles 100 KB of markdown characters in one pass", () => {
    const text = "*_`|~[]()<>#\\".repeat(8000);
    expect(escapeMarkdown(text)).toHaveLength(text.length * 2);
  });
});
