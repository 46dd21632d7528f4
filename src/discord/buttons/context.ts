import { ButtonBuilder, ButtonStyle, type ButtonInteraction } from "discord.js";
import type { Citation } from "../../answer/answer.js";
import { DISPLAY_LIMITS } from "../../display/limits.js";
import { shorten, urlsIn } from "../../display/safe-text.js";
import type { Engine } from "../../engine-types.js";
import { pageBlocks } from "../embed-pages.js";
import { citationHeader, quote } from "../format-answer.js";
import { discordText } from "../markdown.js";
import type { BotContext } from "../handler-types.js";
import { sendPages } from "../replies.js";
import { customId, customIdParts } from "./custom-id.js";
import { recentAnswer } from "./recent-answer.js";

export const prefix = "ctx";

/** The "Show context" button under the answer cached as `answerKey`. */
export function contextButton(answerKey: string): ButtonBuilder {
  return new ButtonBuilder().setCustomId(customId(prefix, answerKey)).setLabel("Show context").setStyle(ButtonStyle.Secondary);
}

/** One sentence either side is enough to judge a quote without turning the reply into the whole report. */
const RADIUS = 1;

/** Shows, only to whoever clicked, each cited sentence in bold among its neighbours. */
export async function execute(interaction: ButtonInteraction, ctx: BotContext): Promise<void> {
  const [answerKey] = customIdParts(interaction);
  const answer = await recentAnswer(interaction, ctx, answerKey);
  if (answer === undefined) return;
  const blocks = answer.citations.map((citation) => contextBlock(citation, ctx.engine));
  await sendPages(interaction, pageBlocks(blocks, { title: "Context of the cited sentences" }), { ephemeral: true });
}

function contextBlock(citation: Citation, engine: Engine): string {
  const header = citationHeader(citation);
  const context = engine.context(citation.sentenceId, RADIUS);
  const cited = context?.sentences.find((s) => s.id === citation.sentenceId);
  // Sentence ids are only stable while a report is unchanged; after an update the id may name another sentence.
  if (context === undefined || cited?.text !== citation.text) {
    return `${header}\n*The report has changed since this answer, so its context is gone.*\n${quote(shorten(citation.text, DISPLAY_LIMITS.contextChars))}`;
  }
  const passage = context.sentences
    .map((s) => {
      const cited = s.id === citation.sentenceId;
      const text = shorten(s.text.replace(/\s+/g, " "), cited ? DISPLAY_LIMITS.contextChars : DISPLAY_LIMITS.quoteChars / 2);
      const shown = discordText(text, new Set(urlsIn(text)));
      return cited ? `**${shown}**` : shown;
    })
    .join(" ");
  return `${header}\n> ${passage}`;
}
