import { escapeMarkdown, type ButtonInteraction } from "discord.js";
import type { Citation } from "../../answer/answer.js";
import type { Engine } from "../../engine-types.js";
import { pageBlocks } from "../embed-pages.js";
import { quote } from "../format-answer.js";
import type { BotContext } from "../handler-types.js";
import { sendPages } from "../replies.js";
import { recentAnswer } from "./recent-answer.js";

export const prefix = "ctx";

/** One sentence either side is enough to judge a quote without turning the reply into the whole report. */
const RADIUS = 1;

/** Shows, only to whoever clicked, each cited sentence in bold among its neighbours. */
export async function execute(interaction: ButtonInteraction, ctx: BotContext, [answerKey]: string[]): Promise<void> {
  const answer = await recentAnswer(interaction, ctx, answerKey);
  if (answer === undefined) return;
  const blocks = answer.citations.map((citation) => contextBlock(citation, ctx.engine));
  await sendPages(interaction, pageBlocks(blocks, { title: "Context of the cited sentences" }), { ephemeral: true });
}

function contextBlock(citation: Citation, engine: Engine): string {
  const header = `**[${citation.n}]** ${escapeMarkdown(citation.title)} · \`${citation.reportId}\``;
  const context = engine.context(citation.sentenceId, RADIUS);
  const cited = context?.sentences.find((s) => s.id === citation.sentenceId);
  // Sentence ids are only stable while a report is unchanged; after an update the id may name another sentence.
  if (context === undefined || cited?.text !== citation.text) {
    return `${header}\n*The report has changed since this answer, so its context is gone.*\n${quote(citation.text)}`;
  }
  const passage = context.sentences
    .map((s) => {
      const text = escapeMarkdown(s.text.replace(/\s+/g, " "));
      return s.id === citation.sentenceId ? `**${text}**` : text;
    })
    .join(" ");
  return `${header}\n> ${passage}`;
}
