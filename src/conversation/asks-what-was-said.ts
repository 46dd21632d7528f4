import { extractTerms } from "../text/terms.js";
import { hasPronoun } from "./follow-up-signals.js";

/** What a question asking for someone's words names: who spoke, and what about (empty when nothing more is asked). */
export interface WhatWasSaid {
  speaker: string;
  topic: string;
}

const WHAT_WAS_SAID = /^\s*(?:(?:and|but|so)\s+)?what\s+(?:did|does|do|has|have|had|will|would|could)\s+(.+?)\s+(?:say|said|tell|told)\b(.*)$/i;

/** "what did she say about the warm nights?": the speaker and the topic; undefined for any other question. */
export function asksWhatWasSaid(question: string): WhatWasSaid | undefined {
  const m = WHAT_WAS_SAID.exec(question.replace(/[?!.\s]+$/, ""));
  return m ? { speaker: m[1]!, topic: m[2]!.trim() } : undefined;
}

/** "what did she say?", "what did the analyst say?": only whose words are asked for, not about what. */
export function asksOnlyWhatWasSaid(question: string): boolean {
  const said = asksWhatWasSaid(question);
  return said !== undefined && extractTerms(said.topic).length === 0;
}

/** "What did he say outside court?" as read: the speaker is a pronoun the conversation found nobody for. */
export function speakerUnknown(reading: string): boolean {
  const said = asksWhatWasSaid(reading);
  // A pronoun left in a reading is one the conversation gave nobody for.
  return said !== undefined && hasPronoun(said.speaker);
}

/** Speech reported by a sentence: a quotation, or a verb of saying. */
const REPORTS_SPEECH = /["“”«»]|\b(?:said|says|say|saying|told|tells|stated|stating|noted|noting|added|adding|warned|warning|argued|insisted|disputed|wrote|announced|explained|questioned|asked|replied|described|called|statement)\b/i;

export function reportsSpeech(sentence: string): boolean {
  return REPORTS_SPEECH.test(sentence);
}
