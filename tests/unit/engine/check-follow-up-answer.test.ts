import { describe, expect, it } from "vitest";
import { answeredAfterNothingFound, changesSubject, confirmRewrittenAnswer, conversationReports, factOfOldSubject, figureOfAnotherClause, OWN_WORDS_RANKS, repeatsConversation, saysEllipsisSubject, subjectUnsaid, unsupportedWhatWasSaid, withinConversation, yesOrNoByWordsAlone } from "../../../src/engine/check-follow-up-answer.js";
import type { SearchIndex } from "../../../src/retrieval/search-index.js";
import { stems, type Term } from "../../../src/text/terms.js";
import { turn } from "../conversation/fixtures.js";
import type { Judgement } from "../../../src/retrieval/answerability.js";
import { SETTLED_BY } from "../../../src/engine/settle-close-call.js";
import type { Candidate, Retrieval } from "../../../src/retrieval/retrieve.js";

const ANSWERED: Judgement = { answerable: true, related: false, answerAt: 0, confidence: 0.8, reason: "confident" };
const NOT_SURE: Judgement = { answerable: false, related: true, confidence: 0.4, reason: "not sure" };

/** A retrieval ranking sentences `ids` of one report in that order; only the fields the checks read matter. */
function retrieval(ids: number[], judgement = ANSWERED, texts: Record<number, string> = {}, reportId = "r"): Retrieval {
  const candidates = ids.map((index) => ({ sentence: { id: `${reportId}#${index}`, reportId, index, text: texts[index] ?? `Sentence ${index}.` }, report: { id: reportId } }));
  return { candidates: candidates as unknown as Candidate[], judgement } as unknown as Retrieval;
}

describe("a rewritten follow-up's answer, checked against the follow-up's own words", () => {
  it("stands when the follow-up read with its own words ranks the answer among the first few", () => {
    const rewritten = retrieval([7, 2, 3]);
    for (const own of [retrieval([7, 1], NOT_SURE), retrieval([1, 2, 7].slice(0, OWN_WORDS_RANKS), NOT_SURE)]) {
      expect(confirmRewrittenAnswer(rewritten, own)).toBe(rewritten);
    }
  });

  it("turns into 'not sure', showing the passages, when the own words rank it lower or not at all", () => {
    const own = retrieval([...Array.from({ length: OWN_WORDS_RANKS }, (_, i) => i + 10), 7], NOT_SURE);
    const checked = confirmRewrittenAnswer(retrieval([7, 2, 3]), own);
    expect(checked.judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
    expect(checked.candidates.map((c) => c.sentence.id)).toEqual(["r#7", "r#2", "r#3"]);
  });

  it("leaves an abstention alone", () => {
    const abstained = retrieval([7], NOT_SURE);
    expect(confirmRewrittenAnswer(abstained, retrieval([1], NOT_SURE))).toBe(abstained);
  });
});

describe("a follow-up that names nothing is answered from the conversation's reports", () => {
  // Reports and the name stems each holds; only what the checks read.
  const names: Record<string, string[]> = { budget: ["riverton"], election: ["tarnwick"], ruling: ["northgat", "dunmor"] };
  const reports = Object.keys(names);
  // Lexical search finds a chunk (labelled by its report's position) of each report holding one of the query's words.
  // The stems of each report's other words, for telling a change of subject.
  const words: Record<string, string[]> = { budget: ["grower", "back", "plan", "vote"], election: ["vote", "count"], ruling: ["vote", "happen", "pipelin", "judg"] };
  const index = {
    searchLexical: (query: string) => reports.flatMap((id, label) => (stems(query).some((s) => names[id]!.includes(s)) ? [{ label, score: 1 }] : [])),
    chunkAt: (label: number) => ({ report: { id: reports[label] } }),
    names: (id: string) => ({ has: (t: Term) => names[id]!.includes(t.stem) }),
    vocabularyHas: (stem: string, ids: string[]) => ids.some((id) => words[id]!.includes(stem)),
    isCommon: () => false,
  } as unknown as SearchIndex;

  /** `withinConversation` as `ask` calls it: whether the question changed the subject is judged on the same reports. */
  const within = (r: Retrieval, question: string, about: string[]) => withinConversation(r, question, () => new Set(about), () => changesSubject(question, new Set(about), index));

  it("takes the conversation's reports from its citations, its closest related passage and the names its questions used", () => {
    const cited = turn("How long is the pipeline?", ["It runs 212 miles."], "ruling");
    expect([...conversationReports([cited], index)]).toEqual(["ruling"]);
    const shown = { ...turn("Who won?"), related: turn("x", ["Achterberg won."], "election").citations };
    expect([...conversationReports([shown], index)]).toEqual(["election"]);
    expect([...conversationReports([turn("Who is Riverton's finance director?")], index)]).toEqual(["budget"]);
    expect([...conversationReports([turn("What did Northgate say?"), turn("and Dunmore?")], index)]).toEqual(["ruling"]);
    expect(conversationReports([turn("what was the vote?")], index).size).toBe(0);
  });

  it("is not sure when such a question's answer comes from another report", () => {
    const elsewhere = retrieval([5], ANSWERED, {}, "budget");
    expect(within(elsewhere, "what was the vote?", ["ruling"]).judgement).toMatchObject({ answerable: false, related: true });
    const here = retrieval([5], ANSWERED, {}, "ruling");
    expect(within(here, "what was the vote?", ["ruling"])).toBe(here);
    // A month names no report's subject: every report has a May.
    expect(within(elsewhere, "What happened in May?", ["ruling"]).judgement).toMatchObject({ answerable: false });
  });

  it("leaves alone a question with a name or a number of its own, and a conversation about nothing yet", () => {
    const elsewhere = retrieval([5], ANSWERED, {}, "budget");
    for (const question of ["What did Riverton spend on libraries?", "what happened in 2024?"]) {
      expect(within(elsewhere, question, ["ruling"])).toBe(elsewhere);
    }
    expect(within(elsewhere, "what was the vote?", [])).toBe(elsewhere);
  });

  it("leaves alone a question whose words the conversation's reports mostly lack: it changed the subject", () => {
    const elsewhere = retrieval([5], ANSWERED, {}, "budget");
    expect(changesSubject("How many growers backed the plan?", new Set(["ruling"]), index)).toBe(true);
    expect(within(elsewhere, "How many growers backed the plan?", ["ruling"])).toBe(elsewhere);
    // Half its words are the conversation's: it may mean the conversation's plan.
    expect(changesSubject("What did the judge plan?", new Set(["ruling"]), index)).toBe(false);
    expect(within(elsewhere, "What did the judge plan?", ["ruling"]).judgement).toMatchObject({ answerable: false });
    // One word says too little to tell.
    expect(changesSubject("and the growers?", new Set(["ruling"]), index)).toBe(false);
  });
});

describe("a 'why' or 'how' follow-up answered with what the conversation already said", () => {
  const previous = turn("what about smoked fish?", ["Smoked and canned fish were left out and will be discussed again next year."], "summit");
  const draft = (citations = previous.citations!) => ({ text: "…", abstained: false, citations, mode: "extractive" as const });

  it("repeats it when every sentence it quotes was cited by the previous answer", () => {
    for (const question of ["why was it left out", "And why?", "how did that happen?"]) expect(repeatsConversation(draft(), question, [previous])).toBe(true);
  });

  it("repeats it when every sentence it quotes was cited or shown by any earlier turn", () => {
    const shown = { ...turn("what was agreed?"), related: previous.citations };
    expect(repeatsConversation(draft(), "why was it left out", [shown, turn("who objected?", ["Norway wanted more time."], "summit")])).toBe(true);
    expect(repeatsConversation(draft(), "why was it left out", [previous, turn("who objected?", ["Norway wanted more time."], "summit")])).toBe(true);
  });

  it("does not when it quotes a further sentence, asks for a fact, abstains, or follows nothing cited", () => {
    const further = turn("x", ["Smoked and canned fish were left out and will be discussed again next year.", "Norway wanted more time."], "summit").citations!;
    expect(repeatsConversation(draft(further), "why was it left out", [previous])).toBe(false);
    for (const question of ["how long until it is discussed again?", "when will it be discussed?"]) expect(repeatsConversation(draft(), question, [previous])).toBe(false);
    expect(repeatsConversation({ ...draft(), abstained: true }, "why was it left out", [previous])).toBe(false);
    expect(repeatsConversation(draft(), "why was it left out", [turn("what was agreed?")])).toBe(false);
  });
});

describe("a follow-up asking only what someone said, answered with what the conversation already showed", () => {
  const STATEMENT = "Dr. Ruth Adebayo-Lang, the Chief Inspector of Mines, said her inspectors had sealed the East 4 district.";
  const previous = turn("Who's the chief inspector of mines?", [STATEMENT], "mine");
  const draft = (citations = previous.citations!) => ({ text: "…", abstained: false, citations, mode: "extractive" as const });

  it("repeats it: asked after her statement, it asks for another", () => {
    expect(repeatsConversation(draft(), "what did she say?", [previous])).toBe(true);
  });

  it("does not when it asks about something, or quotes a further sentence", () => {
    expect(repeatsConversation(draft(), "what did she say about the cause?", [previous])).toBe(false);
    const further = turn("x", [STATEMENT, "\"It is far too early to say what caused this fall.\""], "mine").citations!;
    expect(repeatsConversation(draft(further), "what did she say?", [previous])).toBe(false);
  });
});

describe("a follow-up asking what someone said", () => {
  const SAID = { 4: "Rovers manager Graham Doyle said his side had deserved more from the game.", 6: "Those warm nights are what worry doctors most." };

  it("is not sure when the reading's speaker is a pronoun the conversation found nobody for", () => {
    for (const reading of ["What did he say about the game (context: Rovers, manager)", "What did he say outside court?"]) {
      expect(unsupportedWhatWasSaid(retrieval([4], ANSWERED, SAID), reading).judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
    }
  });

  it("is not sure when it asks only whose words and the reading carries the conversation's", () => {
    const checked = unsupportedWhatWasSaid(retrieval([4], ANSWERED, SAID), "what did the analyst say? (context: Aster, Halvard, shares)");
    expect(checked.judgement).toMatchObject({ answerable: false, related: true });
    expect(checked.candidates.map((c) => c.sentence.id)).toEqual(["r#4"]);
  });

  it("is not sure of a close call the conversation settled with a sentence that reports no speech", () => {
    const settledBeside = { ...ANSWERED, confidence: 0.51, reason: SETTLED_BY.besidePreviousAnswer };
    expect(unsupportedWhatWasSaid(retrieval([6], settledBeside, SAID), "What did Anjali Morrow say about the warm nights?").judgement).toMatchObject({ answerable: false });
    const speech = retrieval([4], settledBeside, SAID);
    expect(unsupportedWhatWasSaid(speech, "What did Graham Doyle say about the game?")).toBe(speech);
  });

  it("stands for a named speaker asked about, a bare question as typed, an abstention and any other question", () => {
    const sure = retrieval([6], ANSWERED, SAID);
    for (const reading of ["What did Anjali Morrow say about the warm nights?", "and what did the gas producers say?", "How long did he play?"]) {
      expect(unsupportedWhatWasSaid(sure, reading)).toBe(sure);
    }
    const abstained = retrieval([4], NOT_SURE, SAID);
    expect(unsupportedWhatWasSaid(abstained, "What did he say outside court?")).toBe(abstained);
  });
});

describe("an elliptic follow-up's answer", () => {
  const reading = { question: "Who is Pakistan's Defence Minister?", rewritten: true, ellipsisSubject: "Pakistan's?" };
  const texts = { 11: "Ahead of the Istanbul talks, Pakistan’s Defence Minister, Khawaja Muhammad Asif, had warned.", 10: "Afghanistan’s Defence Minister rejected the demand." };

  it("is about the subject it typed when the answer's sentence says it", () => {
    expect(saysEllipsisSubject(retrieval([11, 10], ANSWERED, texts), reading)).toBe(true);
  });

  it("is not when the sentence does not, nor for an abstention or a reading that was no ellipsis", () => {
    expect(saysEllipsisSubject(retrieval([10, 11], ANSWERED, texts), reading)).toBe(false);
    expect(saysEllipsisSubject(retrieval([11, 10], NOT_SURE, texts), reading)).toBe(false);
    expect(saysEllipsisSubject(retrieval([11, 10], ANSWERED, texts), { ...reading, ellipsisSubject: undefined })).toBe(false);
  });
});

describe("a rewritten yes-or-no follow-up", () => {
  const byWords: Judgement = { ...ANSWERED, confidence: 0.56, reason: "every word of the question is in the sentence or beside it" };

  it("is not sure when only every word of its reading being in a sentence answered it", () => {
    for (const question of ["did his other two horses make it", "And was that a record?", "will islanders pay it too?"]) {
      expect(yesOrNoByWordsAlone(retrieval([7], byWords), question).judgement).toMatchObject({ answerable: false, related: true });
    }
  });

  it("stands when the model itself is sure or the conversation settled it, and for any other question", () => {
    const sure = retrieval([7]);
    expect(yesOrNoByWordsAlone(sure, "did she sign the statement")).toBe(sure);
    const settledBeside = retrieval([7], { ...byWords, reason: SETTLED_BY.besidePreviousAnswer });
    expect(yesOrNoByWordsAlone(settledBeside, "did they reach any agreement")).toBe(settledBeside);
    const literal = retrieval([7], byWords);
    expect(yesOrNoByWordsAlone(literal, "how long did they last?")).toBe(literal);
  });
});

describe("a follow-up asking for a figure, answered with a sentence the previous answer cited", () => {
  const TOOK_OVER = "Catriona Vell took over as chief executive of Westmarch Ferries in April 2024, after eleven years running freight operations at the port authority in Dunmore.";
  const previous = { ...turn("What did Catriona Vell do before?", [TOOK_OVER], "r"), standaloneQuestion: undefined };
  previous.citations = previous.citations!.map((c) => ({ ...c, sentenceId: "r#1" }));

  it("is not sure when the sentence's figure belongs to another clause than the words asked with, however sure the judgement", () => {
    const checked = figureOfAnotherClause(retrieval([1], ANSWERED, { 1: TOOK_OVER }), previous, "how many years was she chief executive?");
    expect(checked.judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
  });

  it("stands when the figure sits beside those words, the sentence is new, or no figure is asked for", () => {
    const cases: [Retrieval, string][] = [
      [retrieval([1], ANSWERED, { 1: TOOK_OVER }), "for how many years did she run freight operations?"],
      [retrieval([2], ANSWERED, { 2: TOOK_OVER }), "how many years was she chief executive?"], // not a sentence the previous answer cited
      [retrieval([1], ANSWERED, { 1: TOOK_OVER }), "where did she run freight operations?"],
      [retrieval([1], ANSWERED, { 1: TOOK_OVER }), "for how long?"], // no word to place the figure by
      [retrieval([1], NOT_SURE, { 1: TOOK_OVER }), "how many years was she chief executive?"],
    ];
    for (const [r, typed] of cases) expect(figureOfAnotherClause(r, previous, typed)).toBe(r);
  });
});

describe("an elliptic follow-up answered with a sentence the previous answer cited", () => {
  const FEES = "Most of the growth is paid for by a 2.1 percent rise in the property tax rate and by higher water and sewer fees, which will go up by 6 percent from September 1.";
  const previousAsking = (question: string) => {
    const previous = turn(question, [FEES], "r");
    previous.citations = previous.citations!.map((c) => ({ ...c, sentenceId: "r#1" }));
    return previous;
  };

  it("is not sure when the kind of fact the previous question asked for is the old subject's, not the new one's", () => {
    const checked = factOfOldSubject(retrieval([1], ANSWERED, { 1: FEES }), previousAsking("When do water fees go up?"), "what about the property tax?");
    expect(checked.judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
  });

  it("stands when that fact sits beside the new subject, the sentence is new, or the question is no elliptic one", () => {
    const answered = retrieval([1], ANSWERED, { 1: FEES });
    expect(factOfOldSubject(answered, previousAsking("How much do water fees rise?"), "what about the property tax?")).toBe(answered);
    const other = retrieval([2], ANSWERED, { 2: FEES });
    expect(factOfOldSubject(other, previousAsking("When do water fees go up?"), "what about the property tax?")).toBe(other);
    expect(factOfOldSubject(answered, previousAsking("When do water fees go up?"), "when does the property tax rise?")).toBe(answered);
  });
});

describe("a rewritten follow-up of a turn that found no answer", () => {
  const byWords: Judgement = { ...ANSWERED, confidence: 0.7, reason: "every word of the question is in the sentence or beside it" };
  const foundNothing = { question: "and the tiara on its own?", answer: "I couldn't find that.", citations: [] };

  it("is not sure when only every word of its reading being in a sentence answered it", () => {
    const checked = answeredAfterNothingFound(retrieval([6], byWords), foundNothing, "who made it?");
    expect(checked.judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
  });

  it("is not sure of a yes-or-no one even when the model is sure: its words are in a sentence whatever the answer", () => {
    const sure = retrieval([8], ANSWERED, { 8: "The previous club record was the £27.5 million Castlebridge paid in 2024." });
    expect(answeredAfterNothingFound(sure, foundNothing, "was that a record for them?").judgement).toMatchObject({ answerable: false, related: true });
  });

  it("stands when the model itself is sure, when the previous turn cited an answer, and leaves an abstention alone", () => {
    const sure = retrieval([6]);
    expect(answeredAfterNothingFound(sure, foundNothing, "who made it?")).toBe(sure);
    const cited = retrieval([6], byWords);
    expect(answeredAfterNothingFound(cited, turn("What was stolen from the museum?", ["The stolen pieces were: a tiara, a pair of earrings."], "r"), "who made it?")).toBe(cited);
    const notSure = retrieval([6], NOT_SURE);
    expect(answeredAfterNothingFound(notSure, foundNothing, "was it made in 1822?")).toBe(notSure);
  });

  it("stands when there was no previous turn: nothing was read from one", () => {
    const first = retrieval([6], byWords);
    expect(answeredAfterNothingFound(first, undefined, "was it made in 1822?")).toBe(first);
  });
});

describe("an elliptic follow-up settled by the conversation", () => {
  const texts = { 26: "\"You could see bits falling for a good minute.\"", 27: "Shares in Halvard Industries fell 9.4 per cent in early trading before closing down 6.1 per cent." };
  const beside: Judgement = { ...ANSWERED, confidence: 0.61, reason: SETTLED_BY.besidePreviousAnswer };

  it("is not sure when the settled sentence does not say the follow-up's subject", () => {
    expect(subjectUnsaid(retrieval([26, 27], beside, texts), "and at the close?").judgement).toMatchObject({ answerable: false, related: true, answerAt: undefined });
  });

  it("stands when the sentence says it, when the judgement answered by itself, and for a follow-up that is no ellipsis", () => {
    const says = retrieval([27, 26], beside, texts);
    expect(subjectUnsaid(says, "and at the close?")).toBe(says);
    const judged = retrieval([26, 27], ANSWERED, texts);
    expect(subjectUnsaid(judged, "and at the close?")).toBe(judged);
    const notElliptic = retrieval([26, 27], beside, texts);
    expect(subjectUnsaid(notElliptic, "how much did they fall at the close?")).toBe(notElliptic);
  });
});
