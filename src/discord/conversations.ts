import { LRUCache } from "lru-cache";
import type { Answer } from "../answer/answer.js";
import { appendTurn, turnOf, type Turn } from "../conversation/turn.js";

/** One conversation held for its follow-up buttons. */
export interface Conversation {
  /** The Discord user who started it. */
  ownerId: string;
  /** Started with `/ask shared:true`: anyone who can see it may continue it; otherwise only its owner. */
  shared: boolean;
  /** The last turns, oldest first, at most CONVERSATION_TURNS. */
  turns: Turn[];
}

export interface ConversationLimits {
  maxTurns: number;
  idleMs: number;
  maxConversations: number;
}

/**
 * Conversations by id (the interaction that started them), in memory and bounded three ways: each keeps only its last
 * `maxTurns` turns, one nobody continued for `idleMs` is forgotten, and beyond `maxConversations` the least recently
 * continued is dropped. A restart forgets them all; a follow-up then says so and answers the question on its own.
 */
export class ConversationStore {
  private readonly cache: LRUCache<string, Conversation>;

  /** `now` is the clock idle time is measured on (tests pass their own). */
  constructor(private readonly limits: ConversationLimits, now?: () => number) {
    this.cache = new LRUCache<string, Conversation>({
      max: limits.maxConversations,
      ttl: limits.idleMs,
      // Reading a conversation to continue it counts as activity.
      updateAgeOnGet: true,
      // Read the clock on every access rather than caching it for a millisecond: exact, and cheap at this size.
      ttlResolution: 0,
      ...(now ? { perf: { now } } : {}),
    });
  }

  get(id: string): Conversation | undefined {
    return this.cache.get(id);
  }

  /** Starts conversation `id` with its first answer. */
  start(id: string, ownerId: string, shared: boolean, answer: Answer): void {
    this.cache.set(id, { ownerId, shared, turns: [turnOf(answer)] });
  }

  /** Adds an answer to a conversation still held; returns false when it has expired meanwhile. */
  add(id: string, answer: Answer): boolean {
    const conversation = this.cache.get(id);
    if (conversation === undefined) return false;
    this.cache.set(id, { ...conversation, turns: appendTurn(conversation.turns, turnOf(answer), this.limits.maxTurns) });
    return true;
  }

  /** Whether `userId` may continue the conversation. */
  static mayContinue(conversation: Conversation, userId: string): boolean {
    return conversation.shared || conversation.ownerId === userId;
  }
}
