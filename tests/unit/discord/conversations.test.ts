import { describe, expect, it } from "vitest";
import type { Answer } from "../../../src/answer/answer.js";
import { ConversationStore } from "../../../src/discord/conversations.js";

const answer = (question: string): Answer => ({
  question,
  text: "I couldn't find that in the reports.",
  abstained: true,
  citations: [],
  related: [],
  mode: "extractive",
  timings: { embedMs: 0, retrieveMs: 0, answerMs: 0, totalMs: 0 },
});

describe("ConversationStore", () => {
  const limits = { maxTurns: 3, idleMs: 60_000, maxConversations: 2 };

  it("keeps the last turns of a conversation, and its owner and sharing", () => {
    const store = new ConversationStore(limits);
    store.start("c1", "alice", false, answer("q1"));
    for (const q of ["q2", "q3", "q4"]) expect(store.add("c1", answer(q))).toBe(true);
    expect(store.get("c1")).toMatchObject({ ownerId: "alice", shared: false });
    expect(store.get("c1")?.turns.map((t) => t.question)).toEqual(["q2", "q3", "q4"]);
  });

  it("forgets the least recently continued conversation beyond the cap", () => {
    const store = new ConversationStore(limits);
    store.start("c1", "a", false, answer("q"));
    store.start("c2", "b", false, answer("q"));
    store.get("c1");
    store.start("c3", "c", false, answer("q"));
    expect(store.get("c2")).toBeUndefined();
    expect(store.get("c1")).toBeDefined();
    expect(store.add("c2", answer("late"))).toBe(false);
  });

  it("forgets a conversation left idle, while one continued in time lives on", () => {
    let now = 1_000_000;
    const store = new ConversationStore(limits, () => now);
    store.start("idle", "a", false, answer("q"));
    store.start("busy", "b", false, answer("q"));
    now += 40_000;
    store.add("busy", answer("q2"));
    now += 40_000;
    expect(store.get("idle")).toBeUndefined();
    expect(store.get("busy")?.turns).toHaveLength(2);
  });

  it("lets only the owner continue a private conversation, anyone a shared one", () => {
    expect(ConversationStore.mayContinue({ ownerId: "alice", shared: false, turns: [] }, "bob")).toBe(false);
    expect(ConversationStore.mayContinue({ ownerId: "alice", shared: false, turns: [] }, "alice")).toBe(true);
    expect(ConversationStore.mayContinue({ ownerId: "alice", shared: true, turns: [] }, "bob")).toBe(true);
  });
});
