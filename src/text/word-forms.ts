import nounExceptions from "wink-lexicon/src/wn-noun-exceptions.js";
import verbExceptions from "wink-lexicon/src/wn-verb-exceptions.js";
import irregularVerbs from "wink-lexicon/src/irregular-verbs.js";
import { normalizeWord } from "./terms.js";

/**
 * Irregular forms from WordNet's exception lists (verb.exc and noun.exc, as shipped by `wink-lexicon`), which no
 * suffix-stripping stemmer can join: "wrote" and "writing", "led" and "leading", "children" and "child".
 */
const IRREGULAR = { noun: new Map<string, string>(Object.entries(nounExceptions)), verb: new Map<string, string>(Object.entries(verbExceptions)) };
type Inflected = keyof typeof IRREGULAR;

let formsByBase: Map<string, Set<string>> | undefined;

/** Every irregular form with its base form, by the stem of the base form. */
function irregularForms(): Map<string, Set<string>> {
  if (!formsByBase) {
    formsByBase = new Map();
    for (const [form, base] of [...IRREGULAR.noun, ...IRREGULAR.verb]) {
      if (form.includes("_") || base.includes("_")) continue;
      const key = normalizeWord(base);
      let set = formsByBase.get(key);
      if (!set) formsByBase.set(key, (set = new Set([base])));
      set.add(form);
    }
  }
  return formsByBase;
}

/**
 * The base form WordNet lists for an irregular form of that part of speech ("wrote" → "write" as a verb), if the word
 * is one; without a part of speech, of either: a noun's list read for a verb makes "men" a form of "to man".
 */
export function baseFormOf(word: string, pos?: Inflected): string | undefined {
  const w = word.toLowerCase();
  return pos ? IRREGULAR[pos].get(w) : (IRREGULAR.verb.get(w) ?? IRREGULAR.noun.get(w));
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

/**
 * Whether a word is a form of an irregular verb, its base form included: "hurt", "cut" and "put" are their own past
 * participles, which WordNet's exception list, holding only forms that differ from the base, leaves out.
 */
export function isIrregularVerbForm(word: string): boolean {
  return Object.hasOwn(irregularVerbs, word.toLowerCase());
}
