/** A count with its noun, singular for one: "1 sentence", "9 chunks" (a one-line report read "1 sentences, 1 chunks"). */
export function counted(n: number, noun: string): string {
  return `${n} ${noun}${n === 1 ? "" : "s"}`;
}
