import { describe, expect, it } from "vitest";
import { formatAnswerForTerminal } from "../../../src/cli/format-answer.js";
import { formatAnswer } from "../../../src/discord/format-answer.js";
import { answer, citation } from "../../helpers/answer-fixtures.js";

const LINK = "https://news.example/ferry#:~:text=The%20harbour%20authority%20confirmed,open%20on%203%20March.";
const cited = answer({
  citations: [
    citation(1, "The mayor declared a local emergency at noon.", { source: { kind: "pdf", page: 4 } }),
    citation(2, "The harbour authority confirmed that the new ferry terminal will open on 3 March.", { source: { kind: "web", url: LINK } }),
    citation(3, "The storm destroyed nine fishing boats.", { source: { kind: "docx" } }),
  ],
});

describe("citations show the way back to the original", () => {
  it("in Discord: the PDF page, and a link that opens the web page at the sentence", () => {
    const text = formatAnswer(cited).map((p) => p.embeds.map((e) => e.description).join("\n")).join("\n");
    expect(text).toContain("**[1]** Border talks collapse in Istanbul · `border-talks` · p. 4\n");
    expect(text).toContain(`**[2]** Border talks collapse in Istanbul · \`border-talks\` · [open at the sentence](${LINK})\n`);
    expect(text).toContain("**[3]** Border talks collapse in Istanbul · `border-talks`\n");
  });

  it("in the terminal: the page beside the sentence id, the link on the next line", () => {
    const text = formatAnswerForTerminal(cited);
    expect(text).toContain("— Border talks collapse in Istanbul (border-talks#1, p. 4)");
    expect(text).toContain(`— Border talks collapse in Istanbul (border-talks#2)\n    ${LINK}`);
    expect(text).toContain("— Border talks collapse in Istanbul (border-talks#3)");
  });
});
