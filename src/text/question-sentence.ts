/**
 * The sentence asks rather than states: a question mark before any closing quotes, brackets or emphasis ("“Why
 * now?”", "**Could it happen again?**"). An interview's questions are sentences of its report.
 */
export const endsAsAQuestion = (text: string): boolean => /\?["”’'»)\]*_]*\s*$/u.test(text);
