import { extractTerms } from "../text/terms.js";
import { asksWhatWasSaid } from "../text/reported-speech.js";
import { hasPronoun } from "./follow-up-signals.js";

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
