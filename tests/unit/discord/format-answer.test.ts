import type { APIEmbed } from "discord.js";
import { describe, expect, it } from "vitest";
import { ABSTAIN_TEXT, RELATED_TEXT } from "../../../src/answer/answer.js";
import { DISPLAY_LIMITS } from "../../../src/display/limits.js";
import { CUT_NOTE, EMBED_LIMITS, embedSize, pageBlocks, type EmbedPage } from "../../../src/discord/embed-pages.js";
import { shorten } from "../../../src/display/safe-text.js";
import { formatAnswer } from "../../../src/discord/format-answer.js";
import { escapeMarkdown } from "../../../src/discord/markdown.js";
import { abstention, answer, citation } from "../../helpers/answer-fixtures.js";

function expectWithinLimits(pages: EmbedPage[]) {
  for (const page of pages) {
    expect(page.embeds.length).toBeGreaterThan(0);
    expect(page.embeds.length).toBeLessThanOrEqual(EMBED_LIMITS.perMessage);
    expect(page.embeds.reduce((sum, e) => sum + embedSize(e), 0)).toBeLessThanOrEqual(EMBED_LIMITS.total);
    for (const embed of page.embeds) {
      expect(embed.description?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.description);
      expect(embed.title?.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.title);
      expect(embed.footer?.text.length ?? 0).toBeLessThanOrEqual(EMBED_LIMITS.footer);
    }
  }
}

const allEmbeds = (pages: EmbedPage[]): APIEmbed[] => pages.flatMap((p) => p.embeds);
const allText = (pages: EmbedPage[]) => allEmbeds(pages).map((e) => e.description).join("\n\n");

describe("formatAnswer", () => {
  it("puts the question, a written answer with markers, each quoted citation with its title, and a footer", () => {
    const pages = formatAnswer(answer({ mode: "llm" }));
    expect(pages).toHaveLength(1);
    const [embed] = pages[0]!.embeds;
    expect(embed?.title).toBe("Why did the talks fail?");
    expect(embed?.description).toBe(
      "The talks collapsed after four days [1].\n\n**Sources**\n**[1]** Border talks collapse in Istanbul · `border-talks`\n> The talks collapsed after four days.",
    );
    expect(embed?.footer?.text).toBe("Written by a chat model · 0.4 s");
  });

  it("quotes an extractive answer's sentences once each, under their [n]", () => {
    const [embed] = formatAnswer(answer())[0]!.embeds;
    expect(embed?.description).toBe("**[1]** Border talks collapse in Istanbul · `border-talks`\n> The talks collapsed after four days.");
    expect(embed?.footer?.text).toBe("Extractive answer · 0.4 s");
  });

  it("reports the elapsed time it is given and names the mode", () => {
    const pages = formatAnswer(answer({ mode: "extractive-fallback" }), 2345);
    expect(pages[0]?.embeds.at(-1)?.footer?.text).toBe("Extractive answer (chat model unavailable) · 2.3 s");
    expect(formatAnswer(answer({ mode: "llm" }))[0]?.embeds[0]?.footer?.text).toMatch(/^Written by a chat model/);
  });

  it("says plainly when it abstains", () => {
    const pages = formatAnswer(abstention());
    expect(pages).toHaveLength(1);
    expect(pages[0]?.embeds[0]?.description).toBe(ABSTAIN_TEXT);
    expect(pages[0]?.embeds[0]?.description).not.toContain("Sources");
  });

  it("never posts an answer without a citation", () => {
    const pages = formatAnswer(answer({ citations: [] }));
    expect(pages[0]?.embeds[0]?.description).toBe(ABSTAIN_TEXT);
  });

  it("escapes markdown in report text so it shows as written", () => {
    const pages = formatAnswer(answer({ citations: [citation(1, "Prices rose *sharply* in Q_1.")] }));
    expect(allText(pages)).toContain("> Prices rose \\*sharply\\* in Q\\_1.");
  });

  it("quotes every line of a multi-line sentence", () => {
    const pages = formatAnswer(answer({ citations: [citation(1, "First line\nsecond line")] }));
    expect(allText(pages)).toContain("> First line\n> second line");
  });

  it("splits a long answer with long citations within every limit, keeping each citation whole", () => {
    const sentence = (i: number) => `Sentence ${i} reports that ${"the delegation met again ".repeat(20).trim()}.`;
    const citations = Array.from({ length: 8 }, (_, i) => citation(i + 1, sentence(i + 1)));
    const text = citations.map((c) => `${c.text} [${c.n}]`).join("\n\n");
    const pages = formatAnswer(answer({ mode: "llm", text, citations, question: "Q? ".repeat(200) }));

    expect(pages.length).toBeGreaterThan(1);
    expectWithinLimits(pages);
    const embeds = allEmbeds(pages);
    expect(embeds[0]?.title?.endsWith("…")).toBe(true);
    expect(embeds.filter((e) => e.title !== undefined)).toHaveLength(1);
    expect(embeds.filter((e) => e.footer !== undefined)).toHaveLength(1);
    expect(embeds.at(-1)?.footer).toBeDefined();
    for (const c of citations) {
      const quoted = `**[${c.n}]** ${c.title} · \`${c.reportId}\`\n> ${c.text}`;
      expect(embeds.filter((e) => e.description?.includes(quoted))).toHaveLength(1);
    }
  });

  it("never takes more than a few messages: 60 citations of ~1,000 characters end with a note that the rest is left out", () => {
    const citations = Array.from({ length: 60 }, (_, i) => citation(i + 1, `${"Word ".repeat(199)}end ${i}.`));
    const pages = formatAnswer(answer({ text: citations.map((c) => `[${c.n}]`).join(" "), citations }));
    expectWithinLimits(pages);
    expect(pages).toHaveLength(DISPLAY_LIMITS.messages);
    const embeds = allEmbeds(pages);
    expect(embeds.at(-1)?.description?.endsWith(CUT_NOTE)).toBe(true);
    expect(embeds.at(-1)?.footer?.text).toBe("Extractive answer · 0.4 s");
  });

  it("ends a cut listing with the note its caller gives, which can say how to see the rest", () => {
    const pages = pageBlocks(Array.from({ length: 500 }, (_, i) => `**Report ${i}**\n\`report-${i}\` · 42 sentences`), { cutNote: "*narrow it with `match:`*" });
    expectWithinLimits(pages);
    expect(allEmbeds(pages).at(-1)?.description?.endsWith("\n\n*narrow it with `match:`*")).toBe(true);
  });

  it("shows a 100 KB cited sentence as one quote cut with an ellipsis, in one message", () => {
    const giant = `${"Very long *clause*, ".repeat(5000)}end.`;
    const pages = formatAnswer(answer({ mode: "llm", text: "It was long [1].", citations: [citation(1, giant)] }));
    expect(pages).toHaveLength(1);
    expectWithinLimits(pages);
    const quoteLine = allText(pages).split("\n").find((l) => l.startsWith("> "))!;
    expect(quoteLine.endsWith("…")).toBe(true);
    expect(quoteLine.replace(/\\/g, "").length).toBeLessThanOrEqual(DISPLAY_LIMITS.quoteChars + 2);
    expect(quoteLine.startsWith("> Very long \\*clause\\*, Very long")).toBe(true);
  });

  it("cuts a runaway chat-model reply to a few thousand characters", () => {
    const pages = formatAnswer(answer({ mode: "llm", text: `${"The talks collapsed after four days [1]. ".repeat(5500)}` }));
    expect(pages).toHaveLength(1);
    expect(allText(pages).length).toBeLessThan(DISPLAY_LIMITS.answerChars + 500);
  });

  it("never renders a chat model's link as a link unless a cited sentence quotes it", () => {
    const phish = answer({ mode: "llm", text: "[Verify your account here](https://evil.example/phish) [1]. See www.evil.example or https://ok.example/a." , citations: [citation(1, "Details are at https://ok.example/a.")] });
    const text = allText(formatAnswer(phish));
    // Shown in Discord as: [Verify your account here](hxxps://evil[.]example/phish) [1], none of it a link.
    expect(text).toContain("\\[Verify your account here\\]\\(hxxps://evil\\[.\\]example/phish\\) [1]");
    expect(text).toContain("www\\[.\\]evil\\[.\\]example");
    expect(text).not.toMatch(/https:\/\/evil|\]\(http/);
    // The cited sentence says this URL, so the answer may show it as it is.
    expect(text).toContain("or https://ok.example/a.");
  });

  it("escapes masked links and strips control characters in report quotes", () => {
    const text = allText(formatAnswer(answer({ citations: [citation(1, "Click [here](https://evil.example/x) now\u001b]0;pwned\u0007.")] })));
    expect(text).toContain("> Click \\[here\\]\\(https://evil.example/x\\) now.");
  });
});

describe("formatAnswer with passages that may be related", () => {
  it("shows them under the abstention's label, quoted without [n] markers, apart from any citation", () => {
    const related = [citation(1, "Talks resumed in Doha."), citation(2, "Delegates left early.")];
    const pages = formatAnswer(answer({ text: RELATED_TEXT, abstained: true, citations: [], related }));
    expect(allText(pages)).toBe(
      `${escapeMarkdown(RELATED_TEXT)}\n\nBorder talks collapse in Istanbul · \`border-talks\`\n> Talks resumed in Doha.\n\nBorder talks collapse in Istanbul · \`border-talks\`\n> Delegates left early.`,
    );
    expect(allText(pages)).not.toContain("[1]");
  });
});

describe("pageBlocks", () => {
  it("packs small blocks into a single embed", () => {
    const pages = pageBlocks(Array.from({ length: 12 }, () => "x".repeat(100)));
    expect(pages).toHaveLength(1);
    expect(pages[0]?.embeds).toHaveLength(1);
  });

  it("keeps each message within 6,000 characters across its embeds", () => {
    const pages = pageBlocks(Array.from({ length: 30 }, () => "x".repeat(500)), { title: "t", maxPages: 10 });
    expectWithinLimits(pages);
    // Eight 500-character blocks fill a 4,096 description; two such embeds would pass 6,000, so one a message.
    expect(pages.flatMap((p) => p.embeds)).toHaveLength(4);
    expect(pages).toHaveLength(4);
  });

  it("gives an empty list one blank embed rather than an invalid message", () => {
    expect(pageBlocks([])[0]?.embeds[0]?.description).toBe("\u200b");
  });
});

describe("shorten", () => {
  it("cuts at a word boundary and marks the cut", () => {
    expect(shorten("alpha beta gamma", 12)).toBe("alpha beta…");
    expect(shorten("short", 12)).toBe("short");
  });
});
