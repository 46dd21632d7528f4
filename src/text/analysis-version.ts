/**
 * Which text analysis built an index's sentences and stems: the sentence splitter (segment-sentences.ts) decides what
 * a report's sentences and their ids are, the stemmer (terms.ts) what its stored stems and BM25 postings hold. An index
 * built by another is rebuilt rather than read, since its stems would not match a question's and its sentences would
 * not be the ones a citation is checked against. Raised by one whenever either changes what it gives for any text;
 * tests/unit/text/analysis-version.test.ts holds what this version gives for the bank's reports, to catch a change
 * that forgot to.
 * 1: as Dossier analysed text when indexes began to record it (those written before record none, and are rebuilt).
 * 2: words Porter's stemmer joins with one of another meaning are kept apart ("officer" from "office").
 * 3: titles such as "Cllr." and "Rt." no longer end a sentence.
 */
export const TEXT_ANALYSIS_VERSION = 3;
