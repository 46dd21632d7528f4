/** What a chat request's user message holds, as our prompt (src/answer/chat/llm-prompt.ts) writes it. */
export interface PromptSource {
  id: string;
  text: string;
}

const unescapeXml = (s: string) => s.replace(/&lt;/g, "<").replace(/&gt;/g, ">").replace(/&quot;/g, '"').replace(/&amp;/g, "&");

export function userText(body: Record<string, any>): string {
  const user = [...(body.messages ?? [])].reverse().find((m: { role?: string }) => m.role === "user");
  const content = user?.content;
  if (typeof content === "string") return content;
  return Array.isArray(content) ? content.map((part: { text?: string }) => part.text ?? "").join("") : "";
}

/** The numbered source sentences of a chat request, unescaped, in prompt order. */
export function promptSources(body: Record<string, any>): PromptSource[] {
  return [...userText(body).matchAll(/<source id="(S\d+)">([\s\S]*?)<\/source>/g)].map(([, id, text]) => ({
    id: id!,
    text: unescapeXml(text!),
  }));
}

/** The question of a chat request, unescaped. */
export function promptQuestion(body: Record<string, any>): string {
  return unescapeXml(/<question>([\s\S]*)<\/question>/.exec(userText(body))?.[1] ?? "");
}

/** The id the request's prompt gave the source holding `text`, or `S0` (never handed out) when none holds it. */
export function sourceIdOf(body: Record<string, any>, text: string): string {
  return promptSources(body).find((source) => source.text.includes(text))?.id ?? "S0";
}
