import nounExceptions from "wink-lexicon/src/wn-noun-exceptions.js";
import verbExceptions from "wink-lexicon/src/wn-verb-exceptions.js";
import { normalizeWord } from "./terms.js";

/**
 * Irregular forms from WordNet's exception lists (verb.exc and noun.exc, as shipped by `wink-lexicon`), which no
 * suffix-stripping stemmer can join: "wrote" and "writing", "led" and "leading", "children" and "child".
 */
const IRREGULAR = new Map<string, string>([...Object.entries(nounExceptions), ...Object.entries(verbExceptions)]);

let formsByBase: Map<string, Set<string>> | undefined;

/** Every irregular form with its base form, by the stem of the base form. */
function irregularForms(): Map<string, Set<string>> {
  if (!formsByBase) {
    formsByBase = new Map();
    for (const [form, base] of IRREGULAR) {
      if (form.includes("_") || base.includes("_")) continue;
      const key = normalizeWord(base);
      let set = formsByBase.get(key);
      if (!set) formsByBase.set(key, (set = new Set([base])));
      set.add(form);
    }
  }
  return formsByBase;
}

/** The base form WordNet lists for an irregular form ("wrote" → "write"), if the word is one. */
export function baseFormOf(word: string): string | undefined {
  return IRREGULAR.get(word.toLowerCase());
}

/**
 * The other forms of the same word whose stems differ from its own, when it or its base form is irregular:
 * "wrote" → write, written; "leading" → led.
 */
export function otherForms(word: string): string[] {
  const base = baseFormOf(word) ?? word;
  const own = normalizeWord(word);
  const forms = irregularForms().get(normalizeWord(base)) ?? [];
  return [...forms].filter((f) => normalizeWord(f) !== own);
}
