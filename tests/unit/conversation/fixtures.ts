import type { Citation } from "../../../src/answer/answer.js";
import type { Turn } from "../../../src/conversation/turn.js";

/** A turn whose answer cited sentences of the first report (texts copied from corpus/), as `ask` would return it. */
export function turn(question: string, cited: string[] = [], reportId = "afghanistan-pakistan-istanbul-talks"): Turn {
  const citations: Citation[] = cited.map((text, i) => ({
    n: i + 1,
    reportId,
    title: "Afghanistan Pakistan Istanbul Talks",
    sentenceId: `${reportId}#${i}`,
    text,
    start: 0,
    end: text.length,
    source: { kind: "text" },
  }));
  return { question, answer: cited.map((t, i) => `${t} [${i + 1}]`).join(" "), citations };
}

export const MEDIATED = "The talks, mediated by Turkish and Qatari officials, aimed to stabilise deteriorating relations following a series of recent border incidents.";
export const SAMAD =
  "Former Afghan Ambassador to France, Omar Samad, questioned Pakistan’s commitment to reconciliation, noting that it remains “unclear whether Pakistan genuinely sought a solution or merely wished to appear cooperative.”";
export const MUJAHID =
  "Afghanistan’s Defence Minister, Mawlawi Mohammad Yaqoob Mujahid, firmly rejected the demand, arguing that various countries, including Pakistan, misuse the term “terrorism” for political leverage.";
export const CEASEFIRE =
  "The Istanbul dialogue was initiated following a temporary ceasefire arranged by Qatar and Turkey earlier in October, after Pakistan allegedly violated Afghan airspace — prompting a limited retaliatory action by Kabul.";
export const DEMANDS =
  "However, it demanded that Islamabad halt all airspace violations and stop allowing U.S. drone operations within Afghan borders.";
export const COLLAPSED =
  "Diplomatic efforts to ease tensions between Afghanistan and Pakistan collapsed in Istanbul after four days of negotiations failed to yield any agreement.";
