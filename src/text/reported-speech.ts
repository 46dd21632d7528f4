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

/** Speech reported by a sentence: a quotation, or a verb of saying. */
const REPORTS_SPEECH =
  /["“”«»]|\b(?:said|says|say|saying|told|tells|stated|stating|noted|noting|added|adding|warned|warning|argued|arguing|insisted|insisting|disputed|wrote|announced|explained|questioned|asked|replied|described|called|statement|according to|claimed|claiming|denied|confirmed|admitted|acknowledged|urged|reiterated|reaffirmed|pledged|vowed|promised|remarks|comments?|commented|testified)\b/i;

export function reportsSpeech(sentence: string): boolean {
  return REPORTS_SPEECH.test(sentence);
}
