// Readability's own bound: an element of this many characters or more is no byline.
const BYLINE_CHARS = 100;
const SENTENCE_END = /[.!?]["”’)]?$/u;

/**
 * A line too short for a paragraph and without a sentence's closing stop: a headline, byline or dateline, as the
 * sentence splitter keeps them apart from prose ("By Tuesday, 300 homes were empty." is prose).
 */
export function isShortLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length > 0 && trimmed.length < BYLINE_CHARS && !SENTENCE_END.test(trimmed);
}

// "By Jonas Feldt, Economics Editor", "By: Ana Lopes", "Analysis by Tomas Whitlow", or after a dateline, "GENEVA,
// Nov. 24 (Continental Press) - By Halima Oduya": "By" and a capitalised name, where the line starts (after what kind
// of piece it is, perhaps) or after a dash, bar or bracket.
const NAMES_AUTHOR = /(?:^(?:(?:Analysis|Comment|Commentary|Interview|Opinion|Review|Story|Text|Words|Written)\s+by|By)|[-–—|)]\s+By):?\s+\p{Lu}\p{L}/u;
// A dateline after the byline on the same line, from its place name in capitals on: "ABERCASTLE, Friday 16 October".
const DATELINE = /\s\p{Lu}{2,}(?:[\s-]\p{Lu}{2,})*,\s.*$/u;

// "By March 2027", "By Friday": a deadline opening a list item or a heading, not a name ("By April Hale" is one).
const BY_WHEN = /(?:^|\s)By:?\s+(?:January|February|March|April|May|June|July|August|September|October|November|December|Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b(?!\s+\p{Lu}\p{Ll})/u;

// Not a person but a site's account or desk: WordPress says "By admin" of every post its administrator's account
// published, and "By Staff" or "By Editor" names nobody either.
const NO_AUTHOR = /^(?:(?:site|web|system)\s+)?(?:admin|administrator|webmaster|staff|editors?|the\s+editors?|editorial(?:\s+(?:staff|team|desk|board))?|newsroom|news\s+desk|staff\s+(?:writers?|reporters?))$/iu;

/** Whether a byline's name ("admin" of "By admin | 3 March", "Staff" of "By Staff, The Gazette") names no author. */
export function namesNoAuthor(name: string): boolean {
  return NO_AUTHOR.test(name.replace(/\s+/g, " ").trim());
}

/**
 * The sentence states who wrote the report: a short line saying "By" and a capitalised name, not a date, nor a
 * name that is no author ("By Admin", "By Staff"). A byline
 * the sentence splitter joined to the dateline below it ("By Jonas Feldt, Economics Editor\nVELDHAVEN, Thursday") is
 * read by its first line, and one a Markdown paragraph ran into its dateline ("*By Imogen Faulkes, Technology
 * Correspondent, The Western Chronicle*" and "*ABERCASTLE, Friday 16 October 2026*" on the next line, read as one) up
 * to the place name.
 */
export function isByline(sentence: string): boolean {
  const line = sentence.trim().split("\n")[0]!;
  const byline = SENTENCE_END.test(line) ? line : line.replace(DATELINE, "");
  const named = NAMES_AUTHOR.exec(byline);
  if (!named || !isShortLine(byline) || BY_WHEN.test(byline)) return false;
  // The name runs from its capital (the pattern's last two characters) to a comma, bar, dash or bracket.
  const name = byline.slice(named.index + named[0].length - 2).split(/\s*(?:[,;|•·(]|\s[-–—]\s)\s*/)[0]!;
  return !namesNoAuthor(name);
}
