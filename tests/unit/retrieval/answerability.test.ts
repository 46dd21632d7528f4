import { describe, expect, it } from "vitest";
import { ANSWER_FEATURE_NAMES } from "../../../src/retrieval/answer-features.js";
import type { AnswerabilityModel } from "../../../src/retrieval/answerability-model.js";
import { judge } from "../../../src/retrieval/answerability.js";
import { FEATURE_NAMES, type Features } from "../../../src/retrieval/features.js";

// An answer model that trusts the sentence model's probability alone: confident above 0.7; passages close in
// meaning from 0.3 similarity.
const model: AnswerabilityModel = {
  version: 2,
  sentence: { features: [...FEATURE_NAMES], mean: FEATURE_NAMES.map(() => 0), scale: FEATURE_NAMES.map(() => 1), weights: FEATURE_NAMES.map(() => 0), bias: 0 },
  answer: {
    features: [...ANSWER_FEATURE_NAMES],
    bias: 0,
    stumps: [{ feature: ANSWER_FEATURE_NAMES.indexOf("best"), threshold: 0.7, below: -3, above: 3 }],
  },
  thresholds: { answer: 0.8, answerWordForWord: 0.04, relatedSimilarity: 0.3 },
};
// Some of the question's words are beside each candidate unless a test says otherwise.
const features = { ...(Object.fromEntries(FEATURE_NAMES.map((f) => [f, 0])) as Features), contextCoverage: 0.5 };
const candidate = (score: number, namesInOwnReport = true, contextCoverage = 0.5, similarity = 0.5) => ({
  score,
  namesInOwnReport,
  features: { ...features, contextCoverage, similarity },
});

describe("judge", () => {
  it("answers when the best candidate that may answer is likely right", () => {
    expect(judge(model, [candidate(0.9), candidate(0.2)])).toMatchObject({ answerable: true, related: false });
  });

  it("shows related passages when the best is near in meaning but not sure, however low the sentence model puts it", () => {
    expect(judge(model, [candidate(0.5), candidate(0.4)])).toMatchObject({ answerable: false, related: true, reason: "not sure" });
    expect(judge(model, [candidate(0.01), candidate(0.005)]).related).toBe(true);
  });

  it("shows no related passages when none of the first few holds any of the question's words, however close", () => {
    expect(judge(model, [candidate(0.6, true, 0), candidate(0.5, true, 0), candidate(0.4, true, 0)])).toMatchObject({ answerable: false, related: false, reason: "nothing close" });
    expect(judge(model, [candidate(0.6, true, 0), candidate(0.5, true, 0), candidate(0.4, true, 0.2)]).related).toBe(true);
  });

  it("says nothing relevant when nothing is near in meaning, or nothing was retrieved", () => {
    expect(judge(model, [candidate(0.1, true, 0.5, 0.2)])).toMatchObject({ answerable: false, related: false });
    expect(judge(model, [])).toMatchObject({ answerable: false, related: false, reason: "nothing retrieved" });
  });

  it("shows related passages far in meaning when one gives every name the question uses (\"What did Tolo News report?\")", () => {
    const named = (namesInContext: number) => {
      const c = candidate(0.1, true, 1, 0.17);
      return { ...c, features: { ...c.features, hasNames: 1, namesInContext } };
    };
    expect(judge(model, [named(1)])).toMatchObject({ answerable: false, related: true });
    // A name the question uses that no sentence near it gives, or a report without it, keeps the floor.
    expect(judge(model, [named(0.5)]).related).toBe(false);
    expect(judge(model, [{ ...named(1), namesInOwnReport: false }]).related).toBe(false);
  });

  it("never answers from a sentence whose report lacks a name the question uses", () => {
    const j = judge(model, [candidate(0.99, false), candidate(0.2, true)]);
    expect(j.answerable).toBe(false);
    expect(judge(model, [candidate(0.99, false)]).reason).toMatch(/name in the question is in none/);
  });

  it("never answers with, nor beside, no sentence holding the kind of fact asked for", () => {
    const untyped = { ...candidate(0.99), features: { ...features, contextCoverage: 1, typeAsked: 1, typeInSentence: 0, typeInContext: 0 } };
    const j = judge(model, [untyped]);
    expect(j).toMatchObject({ answerable: false, reason: "no sentence holds the kind of fact asked for, nor one beside it" });
    expect(judge(model, [{ ...untyped, features: { ...untyped.features, typeInContext: 1 } }]).answerable).toBe(true);
  });

  it("never answers with a sentence that has, nor beside it, the question's main verb, not even word for word", () => {
    const verbless = { ...candidate(0.99), features: { ...features, coverage: 1, contextCoverage: 1, predicateMissing: 1 } };
    expect(judge(model, [verbless]).answerable).toBe(false);
    expect(judge(model, [verbless, candidate(0.95)])).toMatchObject({ answerable: true, answerAt: 1 });
  });

  it("never answers with a sentence that has, nor beside it, the question's year, ordinal or 'one-bedroom'", () => {
    const otherYear = { ...candidate(0.99), features: { ...features, coverage: 1, contextCoverage: 1, qualifierMissing: 1 } };
    expect(judge(model, [otherYear]).answerable).toBe(false);
    expect(judge(model, [otherYear, candidate(0.95)])).toMatchObject({ answerable: true, answerAt: 1 });
  });

  it("never answers a 'how many' question with a sentence that counts only something else", () => {
    const otherCount = { ...candidate(0.99), features: { ...features, coverage: 1, contextCoverage: 1, countsSomethingElse: 1 } };
    expect(judge(model, [otherCount]).answerable).toBe(false);
    expect(judge(model, [otherCount, candidate(0.95)])).toMatchObject({ answerable: true, answerAt: 1 });
  });

  it("never answers with a sentence that is itself a question (an interview's), not even word for word", () => {
    const asking = { ...candidate(0.99), features: { ...features, coverage: 1, contextCoverage: 1, similarity: 0.5, isQuestion: 1 } };
    expect(judge(model, [asking]).answerable).toBe(false);
    expect(judge(model, [asking]).related).toBe(true);
    expect(judge(model, [asking, candidate(0.95)])).toMatchObject({ answerable: true, answerAt: 1 });
  });

  it("answers word for word from its own lower threshold, only with a sentence that holds some of the question's words itself", () => {
    // The stump gives this candidate a probability of about 0.05: under `answer` (0.8), over `answerWordForWord` (0.04).
    const beside = { ...candidate(0.3), features: { ...features, coverage: 0, contextCoverage: 1 } };
    const inSentence = { ...beside, features: { ...beside.features, coverage: 0.4 } };
    expect(judge(model, [beside]).answerable).toBe(false);
    expect(judge(model, [inSentence])).toMatchObject({ answerable: true, reason: "every word of the question is in the sentence or beside it" });
    expect(judge({ ...model, thresholds: { ...model.thresholds, answerWordForWord: 0.5 } }, [inSentence]).answerable).toBe(false);
  });

  it("shows related passages only from a report holding the question's names and only when one is close in meaning", () => {
    expect(judge(model, [candidate(0.5, false), candidate(0.4, false)]).related).toBe(false);
    expect(judge(model, [candidate(0.5, true, 0.5, 0.2), candidate(0.4, true, 0.5, 0.1)]).related).toBe(false);
    expect(judge(model, [candidate(0.5, true, 0.5, 0.2), candidate(0.4, true, 0.5, 0.35)]).related).toBe(true);
  });
});
