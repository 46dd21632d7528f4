import { ABSTAIN_TEXT } from "../answer.js";
import type { AnswerDraft, RankedSentence } from "../answerer.js";
import type { Claim, ModelAnswer } from "./model-answer.js";
import { toCitations } from "../resolve-citations.js";

export interface DroppedClaim {
  text: string;
  reason: "no valid citation" | "quote not in its sources";
}

export interface VerifiedAnswer {
  draft: AnswerDraft;
  /** Ids the model cited that were never given to it. */
  unknownIds: string[];
  droppedClaims: DroppedClaim[];
}

/**
 * Turns a model's claims into an answer whose every sentence rests on sentences we gave it. Our code, not the
 * model, decides what is cited: ids are looked up in `sources`, citations carry the indexed sentence verbatim,
 * and a sentence that quotes words absent from its sources is dropped, since a typed quote is not evidence.
 */
export function verifyModelAnswer(answer: ModelAnswer, sources: ReadonlyMap<string, RankedSentence>): VerifiedAnswer {
  const unknownIds = new Set<string>();
  const droppedClaims: DroppedClaim[] = [];
  const kept: Array<{ text: string; ids: string[] }> = [];

  for (const claim of answer.found ? answer.claims : []) {
    const ids = claim.sourceIds.filter((id) => sources.has(id));
    for (const id of claim.sourceIds) if (!sources.has(id)) unknownIds.add(id);
    if (ids.length === 0) {
      droppedClaims.push({ text: claim.text, reason: "no valid citation" });
    } else if (!quotesAreVerbatim(claim, ids, sources)) {
      droppedClaims.push({ text: claim.text, reason: "quote not in its sources" });
    } else {
      kept.push({ text: claim.text, ids });
    }
  }

  if (kept.length === 0) {
    return {
      draft: { text: ABSTAIN_TEXT, abstained: true, citations: [], mode: "llm" },
      unknownIds: [...unknownIds],
      droppedClaims,
    };
  }

  const order = [...new Set(kept.flatMap((k) => k.ids))];
  const citations = toCitations(order.map((id) => sources.get(id)!));
  const number = new Map(order.map((id, i) => [id, i + 1]));
  const text = kept.map((k) => withMarkers(k.text, k.ids.map((id) => number.get(id)!))).join(" ");
  return { draft: { text, abstained: false, citations, mode: "llm" }, unknownIds: [...unknownIds], droppedClaims };
}

/** Places `[1][2]` before the sentence's closing punctuation, or after it when a closing quote would be split. */
function withMarkers(text: string, numbers: number[]): string {
  const markers = numbers.map((n) => `[${n}]`).join("");
  const closing = /([.!?])$/.exec(text);
  return closing ? `${text.slice(0, -1)} ${markers}${closing[1]}` : `${text} ${markers}`;
}

/** Quotations of three or more words; shorter ones ("so-called") are style, not claims about the source. */
const QUOTATION = /["“]([^"“”]+)["”]/g;

function quotesAreVerbatim(claim: Claim, ids: string[], sources: ReadonlyMap<string, RankedSentence>): boolean {
  const cited = ids.map((id) => normalise(sources.get(id)!.sentence.text));
  for (const match of claim.text.matchAll(QUOTATION)) {
    const quoted = normalise(match[1]!).replace(/[.,;:!?]+$/, "");
    if (quoted.split(" ").length < 3) continue;
    if (!cited.some((sentence) => sentence.includes(quoted))) return false;
  }
  return true;
}

function normalise(text: string): string {
  return text
    .toLowerCase()
    .replace(/[‘’]/g, "'")
    .replace(/[“”]/g, '"')
    .replace(/\s+/g, " ")
    .trim();
}
