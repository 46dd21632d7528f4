import { definitePhrases, namePhrases } from "./name-phrases.js";

/** "What did the Afghan delegation demand?", "Which one did Marovia turn down?": the answer is the verb's object. */
export const ASKS_FOR_OBJECT = /^\s*(?:what|which(?:\s+\w+)?|whom?)\s+(?:did|does|do|will|would|can|could|has|have|had)\s/i;

// Past tenses a news question's verbs often take that adding "-ed" would get wrong.
const IRREGULAR_PAST: Record<string, string> = {
  say: "said", tell: "told", do: "did", make: "made", give: "gave", take: "took", get: "got", find: "found", see: "saw",
  know: "knew", think: "thought", bring: "brought", buy: "bought", pay: "paid", win: "won", leave: "left", lose: "lost",
  keep: "kept", hold: "held", mean: "meant", send: "sent", spend: "spent", build: "built", write: "wrote", speak: "spoke",
  choose: "chose", set: "set", put: "put", cut: "cut", offer: "offered", seek: "sought", begin: "began", sell: "sold",
  feel: "felt", become: "became", run: "ran", raise: "raised", agree: "agreed",
};

function past(verb: string): string {
  const lower = verb.toLowerCase();
  if (IRREGULAR_PAST[lower]) return IRREGULAR_PAST[lower]!;
  if (/e$/.test(lower)) return `${verb}d`;
  if (/[^aeiou]y$/.test(lower)) return `${verb.slice(0, -1)}ied`;
  return `${verb}ed`;
}

function thirdPerson(verb: string): string {
  if (/(s|sh|ch|x|z|o)$/i.test(verb)) return `${verb}es`;
  if (/[^aeiou]y$/i.test(verb)) return `${verb.slice(0, -1)}ies`;
  return `${verb}s`;
}

/**
 * What a "What did X do …?" question asked about, as a noun clause: "What did the Afghan delegation demand from
 * Islamabad?" → "what the Afghan delegation demanded from Islamabad". After it, "that" stands for its answer: "How did
 * Pakistan respond to that?" asks how Pakistan responded to what the delegation demanded. Undefined when the question
 * is not of that shape or its subject cannot be told from its verb.
 */
export function whatWasAsked(question: string): string | undefined {
  const shape = /^\s*what\s+(did|does|do|will|would|can|could|has|have|had)\s+(.+?)\s*\??\s*$/i.exec(question);
  if (shape === null) return undefined;
  const [, aux, rest] = shape;
  const subject = [...definitePhrases(question), ...namePhrases(question).map((n) => n.text)].find((p) => rest!.startsWith(p));
  const after = subject && /^\s+([\p{Ll}]+)(.*)$/u.exec(rest!.slice(subject.length));
  if (!subject || !after) return undefined;
  const [, verb, tail] = after;
  const auxiliary = aux!.toLowerCase();
  const verbPhrase =
    auxiliary === "did" ? past(verb!)
    : auxiliary === "does" ? thirdPerson(verb!)
    : auxiliary === "do" ? verb!
    : `${auxiliary} ${verb}`;
  return `what ${subject} ${verbPhrase}${tail}`;
}
