import { extractTerms } from "../text/terms.js";

/**
 * Whether `sentence` says every word of an elliptic follow-up's subject (`FollowUpReading.ellipsisSubject`): "and
 * Pakistan's?" is about Pakistan, so a sentence that answers it names Pakistan.
 */
export function saysSubject(sentence: string, subject: string): boolean {
  const words = extractTerms(subject);
  const said = new Set(extractTerms(sentence).map((t) => t.stem));
  return words.length > 0 && words.every((t) => said.has(t.stem));
}
