import MiniSearch from "minisearch";
import { stems } from "../text/terms.js";

interface LexicalDoc {
  id: number;
  text: string;
}

// The same stemming and stopwords for documents and queries, so "mediated" finds "mediation".
const OPTIONS = {
  fields: ["text"],
  idField: "id",
  tokenize: (text: string) => stems(text),
  processTerm: (term: string) => term,
};

export interface LexicalHit {
  label: number;
  score: number;
}

/** BM25 (MiniSearch's BM25+) over chunk texts; labels are the same dense ids the vector index uses. */
export class LexicalIndex {
  private constructor(private readonly search_: MiniSearch<LexicalDoc>) {}

  static build(texts: string[]): LexicalIndex {
    const ms = new MiniSearch<LexicalDoc>(OPTIONS);
    ms.addAll(texts.map((text, id) => ({ id, text })));
    return new LexicalIndex(ms);
  }

  static fromJSON(json: string): LexicalIndex {
    return new LexicalIndex(MiniSearch.loadJSON<LexicalDoc>(json, OPTIONS));
  }

  toJSON(): string {
    return JSON.stringify(this.search_);
  }

  /** `skipTerm` leaves query terms out of the search (their cost grows with the documents they match). */
  search(query: string, k: number, filter?: (label: number) => boolean, skipTerm?: (stem: string) => boolean): LexicalHit[] {
    const hits = this.search_.search(query, {
      combineWith: "OR",
      filter: filter ? (r) => filter(r.id as number) : undefined,
      processTerm: skipTerm ? (term: string) => (skipTerm(term) ? null : term) : undefined,
    });
    return hits.slice(0, k).map((h) => ({ label: h.id as number, score: h.score }));
  }
}
