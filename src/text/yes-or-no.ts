/** The auxiliary or modal verb a question answered yes or no opens with ("Did…", "Was…", "Will…"). */
export const YES_OR_NO = String.raw`(?:is|are|was|were|did|does|do|has|have|had|can|could|will|would|should)\b`;

const OPENS_WITH_YES_OR_NO = new RegExp(String.raw`^\s*(?:(?:and|so|but)\s+)?${YES_OR_NO}`, "i");

/** Whether a question, with an "and", "so" or "but" before it, opens as one answered yes or no. */
export function asksYesOrNo(question: string): boolean {
  return OPENS_WITH_YES_OR_NO.test(question);
}
