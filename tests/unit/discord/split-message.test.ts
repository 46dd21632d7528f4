import { describe, expect, it } from "vitest";
import { packBlocks, splitBlock, splitMessage } from "../../../src/discord/split-message.js";

const words = (n: number, word = "word") => Array.from({ length: n }, () => word).join(" ");

/** Every non-space character survives the split, in order: nothing is lost or duplicated at the cuts. */
function expectSameText(pieces: string[], original: string) {
  expect(pieces.join("").replace(/\s+/g, "")).toBe(original.replace(/\s+/g, ""));
}

describe("splitMessage", () => {
  it("returns short text unchanged, trimmed", () => {
    expect(splitMessage("  hello  ", 2000)).toEqual(["hello"]);
    expect(splitMessage("", 2000)).toEqual([]);
    expect(splitMessage("x".repeat(2000), 2000)).toEqual(["x".repeat(2000)]);
  });

  it("prefers paragraph boundaries", () => {
    const a = `A ${words(100)}.`;
    const b = `B ${words(100)}.`;
    const pieces = splitMessage(`${a}\n\n${b}`, 700);
    expect(pieces).toEqual([a, b]);
  });

  it("packs several paragraphs into one piece when they fit", () => {
    const text = ["one", "two", "three", "four"].join("\n\n");
    expect(splitMessage(text, 12)).toEqual(["one\n\ntwo", "three\n\nfour"]);
  });

  it("falls back to line boundaries inside a long paragraph", () => {
    const lines = Array.from({ length: 10 }, (_, i) => `line ${i} ${words(20)}`);
    const pieces = splitMessage(lines.join("\n"), 300);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(300);
      for (const line of piece.split("\n")) expect(lines).toContain(line);
    }
    expectSameText(pieces, lines.join("\n"));
  });

  it("falls back to sentence boundaries inside a long line", () => {
    const sentences = Array.from({ length: 12 }, (_, i) => `Sentence ${i} says ${words(15)}.`);
    const pieces = splitMessage(sentences.join(" "), 250);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(250);
      expect(piece).toMatch(/^Sentence \d+ .*\.$/);
    }
    expectSameText(pieces, sentences.join(" "));
  });

  it("treats closing quotes and brackets after the full stop as part of the sentence", () => {
    const text = `He said "stop." ${words(30)} (and more!) ${words(30)}`;
    const pieces = splitMessage(text, 170);
    expect(pieces[0]).toBe('He said "stop."');
  });

  it("falls back to word boundaries inside a long sentence", () => {
    const text = words(1000);
    const pieces = splitMessage(text, 2000);
    expect(pieces.length).toBe(3);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(2000);
      expect(piece.split(" ").every((w) => w === "word")).toBe(true);
    }
  });

  it("never cuts a [n] citation marker", () => {
    const text = Array.from({ length: 400 }, (_, i) => `claim [${i + 1}]`).join(" ");
    const pieces = splitMessage(text, 100);
    for (const piece of pieces) expect(piece).toMatch(/^claim \[\d+\]( claim \[\d+\])*$/);
  });

  it("hard-cuts a single word longer than the limit, never inside a surrogate pair", () => {
    const text = "😀".repeat(15);
    const pieces = splitMessage(text, 5);
    for (const piece of pieces) {
      expect(piece.length).toBeLessThanOrEqual(5);
      expect(piece).toMatch(/^(😀)+$/u);
    }
    expect(pieces.join("")).toBe(text);
  });

  it("keeps every piece within the limit on mixed text, for many limits", () => {
    const text = [
      `# Heading\n${words(50)}. Short one! Another? ${"x".repeat(150)} end.`,
      `- item ${words(40)}\n- item two\n\n\n${words(300)}`,
      "final paragraph.",
    ].join("\n\n");
    for (const limit of [20, 64, 100, 333, 1024, 2000, 4096]) {
      const pieces = splitMessage(text, limit);
      for (const piece of pieces) {
        expect(piece.length).toBeLessThanOrEqual(limit);
        expect(piece).toBe(piece.trim());
        expect(piece.length).toBeGreaterThan(0);
      }
      expectSameText(pieces, text);
    }
  });

  it("rejects a limit below 1", () => {
    expect(() => splitMessage("x", 0)).toThrow(RangeError);
  });
});

describe("packBlocks", () => {
  it("joins blocks while they fit and never splits a block that fits alone", () => {
    const blocks = ["a".repeat(40), "b".repeat(40), "c".repeat(40)];
    expect(packBlocks(blocks, 90)).toEqual([`${"a".repeat(40)}\n\n${"b".repeat(40)}`, "c".repeat(40)]);
  });

  it("splits only a block that is itself over the limit", () => {
    const long = `${words(30)}. ${words(30)}.`;
    const pieces = packBlocks(["intro", long, "outro"], 200);
    for (const piece of pieces) expect(piece.length).toBeLessThanOrEqual(200);
    expect(pieces[0]?.startsWith("intro")).toBe(true);
    expect(pieces.at(-1)?.endsWith("outro")).toBe(true);
  });

  it("skips empty blocks", () => {
    expect(packBlocks(["", "a", ""], 10)).toEqual(["a"]);
  });
});

describe("splitBlock", () => {
  it("keeps the > prefix on every piece of a quoted line too long for one piece", () => {
    const sentence = `${words(120)}.`;
    const block = `**[1]** Title\n> ${sentence}\n> second line`;
    const pieces = splitBlock(block, 200);
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces[0]?.startsWith("**[1]** Title\n> word")).toBe(true);
    for (const [i, piece] of pieces.entries()) {
      expect(piece.length).toBeLessThanOrEqual(200);
      const lines = piece.split("\n");
      for (const line of i === 0 ? lines.slice(1) : lines) expect(line).toMatch(/^> /);
    }
    expect(pieces.at(-1)?.endsWith("> second line")).toBe(true);
    expectSameText(pieces.map((p) => p.replace(/^> /gm, "")), block.replace(/^> /gm, ""));
  });

  it("splits a block with no quotation exactly as splitMessage does", () => {
    const text = `${words(50)}.\n\n${words(50)}.`;
    expect(splitBlock(text, 120)).toEqual(splitMessage(text, 120));
  });
});
