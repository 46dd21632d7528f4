import { isDictionaryWord } from "../text/synonyms.js";
import { HONORIFICS } from "../text/honorifics.js";
import { isStopWord, normalizeWord } from "../text/terms.js";

// Words that stand before a name without being part of whose name it is: "Chief Inspector Calloway" may be Ines
// Calloway, "Mark Calloway" is not.
const BESIDE_A_NAME = new Set(
  [
    "the",
    "a",
    "an",
    ...HONORIFICS,
    ...(
      "justice chief deputy acting inspector detective sergeant constable superintendent captain colonel general major " +
      "lieutenant commander officer minister secretary president mayor senator governor chair chairman chairwoman director " +
      "coach st saint"
    ).split(" "),
  ].map(normalizeWord),
);

// A run of capitalised words written as one name: joined by spaces or hyphens only; a possessive ends it
// ("Lowmere's Water Board" is two), and so does any punctuation.
const RUN = /(?:\p{Lu}[\p{L}\p{N}.-]*(?:['’]s\b)?)(?:[ -]+\p{Lu}[\p{L}\p{N}.-]*(?:['’]s\b)?)*/gu;

function namesIn(text: string): string[][] {
  const runs: string[][] = [];
  for (const [run] of text.matchAll(RUN)) {
    let words: string[] = [];
    // A function word capitalised only because it opens the sentence ("In Linmouth", "But Calloway said") is no part
    // of a name; counted, every "In …" opening conflicted with "Ines Valcourt", whose stem is "in".
    const written = run.split(/[ -]+/);
    const first = written.findIndex((w) => !isStopWord(w));
    for (const word of first < 0 ? [] : written.slice(first)) {
      const possessive = /['’]s$/u.test(word);
      words.push(normalizeWord(word.replace(/['’]s$/u, "").replace(/\.$/, "")));
      if (possessive) {
        runs.push(words);
        words = [];
      }
    }
    if (words.length > 0) runs.push(words);
  }
  return runs;
}

/**
 * Whether a sentence gives a name of the question only as part of another name: "The chief executive of Lowmere Hospitals
 * Trust, Gregory Achterberg" does not say who runs Lowmere Water, nor does "Mark Calloway said" what Ines Calloway
 * said. `questionNames`: the words of each name of two or more words the question gives (a title before it is left
 * out). A name the sentence gives whole is no conflict, whatever else it names.
 */
export function nameConflictCheck(questionNames: ReadonlyArray<ReadonlyArray<NameWord>>): (sentence: string) => boolean {
  // The question's names are read once (WordNet looked up for each word); the check then runs on every candidate.
  const names = questionNames.flatMap((written) => {
    // A title the question puts before the name ("Mr Forsyth", "Judge Oduya") is no part of whose name it is: "Chief
    // executive Declan Forsyth" is Mr Forsyth, and a surname alone cannot tell one Forsyth from another. After it, the
    // word is the name's own: "Lowmere General" is a hospital.
    const title = written.findIndex((w) => !BESIDE_A_NAME.has(w.stem));
    const words = title < 0 ? [] : written.slice(title);
    if (words.length < 2) return [];
    // Only a word no dictionary has ("Lowmere", "Achterberg") ties two names to one place or family: "Trade" of
    // "Trade Representative Mark Ellison" is in "Canadian International Trade Minister" by chance.
    return [{ name: words.map((w) => w.stem), own: words.filter((w) => !isDictionaryWord(w.surface)).map((w) => w.stem) }];
  });
  if (names.length === 0) return () => false;
  return (sentence) => {
    const runs = namesIn(sentence);
    const stemsOfSentence = new Set(runs.flat());
    return names.some(({ name, own }) => {
      if (name.every((w) => stemsOfSentence.has(w))) return false;
      return runs.some((run) => run.some((w) => own.includes(w)) && run.some((w) => !name.includes(w) && !BESIDE_A_NAME.has(w)));
    });
  };
}

/** A word of a name as the question writes it, and its stem. */
export interface NameWord {
  stem: string;
  surface: string;
}
