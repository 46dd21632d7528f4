import { nameAliasesOf } from "../text/synonyms.js";
import { extractTerms, normalizeWord, type Term } from "../text/terms.js";

// "Food and Drug Administration (FDA)": capitalised words, joined by small words, then the acronym in brackets.
const DEFINITION = /((?:\p{Lu}[\p{L}'’-]*\s+(?:(?:of|and|for|the|on|in|&)\s+)*){1,8})\((\p{Lu}[\p{Lu}\p{N}&]{1,9})\)/gu;

/**
 * The names a report uses and the other names they go by, so that a question's "American" finds a report's "U.S.",
 * "Turkey" finds "Turkish" and "FDA" finds "Food and Drug Administration" where the report defines it.
 * Aliases come from WordNet (countries and demonyms) and from acronyms the report defines.
 */
export class ReportNames {
  /** A stem the report never uses → groups of stems it does use that stand for the same name. */
  private readonly standsFor = new Map<string, string[][]>();

  constructor(
    text: string,
    private readonly vocabulary: ReadonlySet<string>,
  ) {
    const surfaces = new Set(extractTerms(text).filter((t) => t.salient && !/\p{N}/u.test(t.surface)).map((t) => t.surface));
    for (const surface of surfaces) {
      const own = [normalizeWord(surface)];
      for (const alias of nameAliasesOf(surface)) for (const stem of phraseStems(alias)) this.link(stem, own);
    }
    for (const match of text.matchAll(DEFINITION)) {
      const words = match[1]!.trim().split(/\s+/).filter((w) => /^\p{Lu}/u.test(w));
      const acronym = match[2]!;
      const initials = words.slice(-acronym.length).map((w) => w[0]).join("");
      if (initials.toUpperCase() !== acronym.replace(/[^\p{Lu}]/gu, "")) continue;
      const full = words.slice(-acronym.length).map(normalizeWord);
      this.link(normalizeWord(acronym), full);
      for (const stem of full) this.link(stem, [normalizeWord(acronym)]);
    }
  }

  private link(stem: string, group: string[]): void {
    const groups = this.standsFor.get(stem) ?? [];
    groups.push(group);
    this.standsFor.set(stem, groups);
  }

  /** Whether the report names what `term` names: the word itself, one of its aliases, or a word it is an alias of. */
  has(term: Term): boolean {
    return this.foundIn(term, [this.vocabulary]);
  }

  /** The same, within some of the report's sentences (given as their stem sets). */
  foundIn(term: Term, stemSets: ReadonlyArray<ReadonlySet<string>>): boolean {
    const present = (stem: string) => stemSets.some((s) => s.has(stem));
    if (present(term.stem)) return true;
    if (nameAliasesOf(term.surface).some((alias) => phraseStems(alias).every(present))) return true;
    return (this.standsFor.get(term.stem) ?? []).some((group) => group.every(present));
  }
}

function phraseStems(words: string[]): string[] {
  return extractTerms(words.join(" ")).map((t) => t.stem);
}
