import { describe, expect, it } from "vitest";
import type { Turn } from "../../../src/conversation/turn.js";
import { settledInPreviousAnswer } from "../../../src/engine/settle-in-previous-answer.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";
import { turn } from "../conversation/fixtures.js";

const REPORT = "ferry-operator-interview";
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.31, reason: "not sure" };
const TOOK_OVER = "Catriona Vell took over as chief executive of Westmarch Ferries in April 2024.";
const INHERITED = "She inherited a fleet of nine vessels, the oldest of them launched in 1988.";
const BEFORE = "Catriona Vell took over as chief executive of Westmarch Ferries in April 2024, after eleven years running freight operations at the port authority in Dunmore.";

/** A retrieval whose best candidate is sentence `index` with `text`; only the fields the rule reads matter. */
function retrieval(index: number, text: string, { judgement = NOT_SURE, typeInSentence = 1 } = {}): Retrieval {
  const features = { typeAsked: 1, typeInSentence, predicateMissing: 0, qualifierMissing: 0, countsSomethingElse: 0, namesAnother: 0, leftUnsaid: 0, isQuestion: 0 };
  const top = { sentence: { id: `${REPORT}#${index}`, reportId: REPORT, index, text, start: 0, end: text.length }, report: { id: REPORT }, score: 0.6, namesInOwnReport: true, features };
  return { candidates: [top as unknown as Candidate], judgement } as unknown as Retrieval;
}

/** The previous answer cited sentences 3 and 4 of the interview. */
const previous: Turn = turn("What did Catriona Vell do before?", [TOOK_OVER, INHERITED], REPORT);
previous.citations = previous.citations!.map((c, i) => ({ ...c, sentenceId: `${REPORT}#${3 + i}` }));
/** A previous turn that asked for a count, answered with the same sentences. */
const counted: Turn = { ...turn("How many ferries does Westmarch run?"), citations: previous.citations };

describe("a follow-up answered with another fact of the previous answer's sentence", () => {
  it("settles a close call on a cited sentence that holds the new kind of fact asked for and every word typed", () => {
    const settled = settledInPreviousAnswer(retrieval(4, INHERITED), previous, "how many vessels did she inherit?");
    expect(settled.judgement).toMatchObject({ answerable: true, answerAt: 0, related: false });
    // The figure sits beside the words asked with: "eleven years running freight operations".
    expect(settledInPreviousAnswer(retrieval(3, BEFORE), previous, "for how many years did she run freight operations?").judgement).toMatchObject({ answerable: true });
    // Asked with its unit alone, any figure of the kind may be the one.
    expect(settledInPreviousAnswer(retrieval(3, BEFORE), previous, "how many years?").judgement).toMatchObject({ answerable: true });
  });

  it("leaves every other case to the judgement", () => {
    const cases: [Retrieval, string, Turn][] = [
      [retrieval(5, "Half of the harbours were built for vessels a third the size."), "how many vessels did she inherit?", previous], // not cited
      [retrieval(4, INHERITED), "how many vessels did she sell?", previous], // a word typed the sentence does not say
      [retrieval(4, INHERITED), "did she inherit vessels?", previous], // no kind of fact asked for: yes or no
      [retrieval(4, INHERITED), "when?", previous], // no word of its own the sentence could be checked for
      [retrieval(4, INHERITED), "how many vessels did she inherit?", counted], // the same kind of fact as the previous question's
      [retrieval(4, INHERITED, { typeInSentence: 0 }), "how many vessels did she inherit?", previous], // the kind asked for is not in it
      [retrieval(4, INHERITED, { judgement: { ...NOT_SURE, confidence: 0.2 } }), "how many vessels did she inherit?", previous], // the judgement is against
      // Every word typed is in the sentence, and a duration, but those years belong to another clause.
      [retrieval(3, BEFORE), "how many years was she chief executive?", previous],
    ];
    for (const [r, typed, before] of cases) expect(settledInPreviousAnswer(r, before, typed)).toBe(r);
  });
});
