// Soft hyphens, zero-width spaces, non-joiners and joiners, word joiners and stray byte-order marks.
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

/**
 * The text without the characters that show nothing yet split a word for the search: web pages put them inside words
 * (`&shy;` hyphenation points), so they come with a report fetched from one and with a phrase pasted from one. Both a
 * question and a report's terms go without them; a report's text keeps them, since citations quote it verbatim.
 */
export function dropInvisible(text: string): string {
  return text.replace(INVISIBLE, "");
}
