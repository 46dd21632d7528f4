import type { FollowUpQuestion } from "../../scripts/quality/score-follow-ups.js";
import type { ChatReply } from "../e2e/openai-stub.js";
import { perfectReader } from "./perfect-reader.js";

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&amp;/g, "&");

/**
 * A chat model for follow-up sets that rewrites perfectly and reads perfectly: asked to make a follow-up standalone,
 * it replies with the set's written `standalone` for that conversation; asked to answer, it is the perfect reader
 * (tests/helpers/perfect-reader.ts) for the standalone questions. What it gets wrong is what our context left out.
 */
export function perfectRewriter(lines: FollowUpQuestion[]) {
  const key = (conversation: string | undefined, question: string) => `${conversation ?? ""}\u0000${question.replace(/\s+/g, " ").trim()}`;
  const standalone = new Map(lines.map((l) => [key(l.conversation, l.question), l.standalone ?? l.question]));
  const reader = perfectReader(lines.map((l) => ({ ...l, question: l.standalone ?? l.question })));
  let conversation: string | undefined;
  return {
    /** The conversation whose turns are being asked, so "How long did they last?" gets its own standalone. */
    enter(id: string | undefined) {
      conversation = id;
    },
    respond(body: Record<string, any>): ChatReply {
      const user = String(body.messages?.at(-1)?.content ?? "");
      const followUp = /<last_question>([\s\S]*)<\/last_question>/.exec(user)?.[1];
      if (followUp === undefined) return reader.respond(body);
      const question = unescapeXml(followUp);
      return { text: standalone.get(key(conversation, question)) ?? question };
    },
  };
}
