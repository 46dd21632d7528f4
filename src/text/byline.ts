// Readability's own bound: an element of this many characters or more is no byline.
const BYLINE_CHARS = 100;

/**
 * A line too short for a paragraph and without a sentence's closing stop: a headline, byline or dateline, as the
 * sentence splitter keeps them apart from prose ("By Tuesday, 300 homes were empty." is prose).
 */
export function isShortLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length < BYLINE_CHARS && !/[.!?]["”’)]?$/u.test(trimmed);
}

// "By Jonas Feldt, Economics Editor", "By: Ana Lopes", or after a dateline, "GENEVA, Nov. 24 (Continental Press) -
// By Halima Oduya": "By" and a capitalised name, where the line starts or after a dash, bar or bracket.
const STATES_AUTHOR = /(?:^|[-–—|)]\s+)By:?\s+\p{Lu}\p{L}/u;

/**
 * The sentence states who wrote the report: a short line saying "By" and a capitalised name. A byline the sentence
 * splitter joined to the dateline below it ("By Jonas Feldt, Economics Editor\nVELDHAVEN, Thursday") is read by its
 * first line.
 */
export function isByline(sentence: string): boolean {
  const line = sentence.trim().split("\n")[0]!;
  return isShortLine(line) && STATES_AUTHOR.test(line);
}
