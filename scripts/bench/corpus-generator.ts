import { mkdir, writeFile } from "node:fs/promises";
import path from "node:path";
import { SeededRandom } from "./seeded-random.js";

/*
 * A seeded grammar of news-like sentences over word lists written for this benchmark (invented places and people),
 * so generated reports have the length, vocabulary spread and sentence shapes of the real ones without copying any.
 */
const PLACES = [
  "Valmora", "Kesh Durran", "Port Aldane", "Tirzan", "the Oruvan Republic", "Selvik", "Marrowind", "Eastern Calder",
  "Brisca", "Nova Tessel", "the Hadran Coast", "Qelum", "Ostrava Minor", "Lunebrook", "the Sarrek Valley", "Dunmere",
  "Ithaca Flats", "Zerevan", "the Palomir Islands", "Karth", "Westhollow", "Ambrel", "the Mirren Basin", "Fenwick Bay",
];
const FIRST_NAMES = ["Amara", "Tomas", "Leyla", "Ravi", "Ingrid", "Kofi", "Mireille", "Dmitri", "Sana", "Oren", "Lucia", "Haruto", "Nadia", "Emeka", "Greta", "Yusuf"];
const LAST_NAMES = ["Okonjo", "Varga", "Halloran", "Teixeira", "Brandt", "Qureshi", "Lindqvist", "Adeyemi", "Moravec", "Castellan", "Ibarra", "Sorensen", "Haddad", "Novak"];
const ROLES = [
  "foreign minister", "defence minister", "finance minister", "trade envoy", "central bank governor", "opposition leader",
  "army spokesperson", "health secretary", "chief negotiator", "mayor", "energy minister", "interior minister",
];
const BODIES = [
  "the regional security council", "the coastal trade alliance", "the national electoral commission", "the water authority",
  "the northern labour federation", "the continental development bank", "the relief agency", "the supreme court",
  "the port workers' union", "the independent monitoring mission", "the parliamentary budget office", "the refugee council",
];
const TOPICS = [
  "border security", "grain exports", "fishing rights", "a disputed dam", "fuel subsidies", "a prisoner exchange",
  "airspace violations", "rail tariffs", "a ceasefire", "refugee returns", "mining licences", "election reform",
  "a currency swap", "drought relief", "a pipeline route", "cross-border trade",
];
const VERBS_SAID = ["said", "told reporters", "insisted", "warned", "argued", "acknowledged", "confirmed", "denied"];
const OUTCOMES = [
  "collapsed without an agreement", "ended with a joint statement", "were suspended until next month",
  "produced a framework deal", "stalled over the wording of the final text", "were described as constructive",
];
const DAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];
const MONTHS = ["January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"];
const NUMBER_WORDS = ["two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "twelve"];
const UNITS = ["tonnes of grain", "displaced families", "police officers", "kilometres of road", "million dollars", "trucks of aid", "observers", "schools"];
const CAUSES = [
  "heavy flooding in the lowlands", "a strike at the main port", "shelling near the frontier", "a shortage of diesel",
  "a leaked cabinet memo", "rising bread prices", "a landslide on the mountain highway", "a cyber attack on the grid",
];

type Rng = SeededRandom;
const person = (r: Rng) => `${r.pick(FIRST_NAMES)} ${r.pick(LAST_NAMES)}`;
const official = (r: Rng) => `${r.pick(PLACES)}'s ${r.pick(ROLES)}, ${person(r)},`;
const when = (r: Rng) => (r.chance(0.5) ? `on ${r.pick(DAYS)}` : `in ${r.pick(MONTHS)}`);
const amount = (r: Rng) => (r.chance(0.5) ? String(r.int(3, 9_800)) : r.pick(NUMBER_WORDS));
const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

const TEMPLATES: Array<(r: Rng) => string> = [
  (r) => `Talks between ${r.pick(PLACES)} and ${r.pick(PLACES)} on ${r.pick(TOPICS)} ${r.pick(OUTCOMES)} after ${r.pick(NUMBER_WORDS)} days in ${r.pick(PLACES)}.`,
  (r) => `The negotiations, mediated by ${r.pick(BODIES)}, aimed to settle ${r.pick(TOPICS)} before the ${r.pick(MONTHS)} deadline.`,
  (r) => `${capitalise(official(r))} ${r.pick(VERBS_SAID)} ${when(r)} that ${r.pick(BODIES)} would review ${r.pick(TOPICS)}.`,
  (r) => `According to ${r.pick(BODIES)}, ${amount(r)} ${r.pick(UNITS)} were affected by ${r.pick(CAUSES)}.`,
  (r) => `${capitalise(r.pick(BODIES))} ${r.pick(VERBS_SAID)} that ${r.pick(CAUSES)} had delayed work on ${r.pick(TOPICS)}.`,
  (r) => `Officials in ${r.pick(PLACES)} ${r.pick(VERBS_SAID)} the delegation had walked out over ${r.pick(TOPICS)}.`,
  (r) => `${person(r)}, a ${r.pick(ROLES)} from ${r.pick(PLACES)}, called the proposal "a step backwards for ${r.pick(TOPICS)}."`,
  (r) => `Observers noted that ${r.pick(CAUSES)} had deepened mistrust between ${r.pick(PLACES)} and ${r.pick(PLACES)}.`,
  (r) => `${capitalise(when(r))}, ${r.pick(BODIES)} approved ${amount(r)} ${r.pick(UNITS)} for ${r.pick(PLACES)}.`,
  (r) => `The ${r.pick(ROLES)} of ${r.pick(PLACES)} rejected the demand and accused ${r.pick(PLACES)} of stalling on ${r.pick(TOPICS)}.`,
  (r) => `A spokesperson for ${r.pick(BODIES)} said a second round of talks on ${r.pick(TOPICS)} would open ${when(r)}.`,
  (r) => `Residents of ${r.pick(PLACES)} reported ${r.pick(CAUSES)} and said ${amount(r)} ${r.pick(UNITS)} had still not arrived.`,
  (r) => `Analysts expect ${r.pick(TOPICS)} to dominate the summit in ${r.pick(PLACES)} ${when(r)}.`,
  (r) => `${capitalise(r.pick(BODIES))} has asked ${r.pick(PLACES)} to publish the full text of the agreement on ${r.pick(TOPICS)}.`,
];

export function generateSentence(r: Rng): string {
  return r.pick(TEMPLATES)(r);
}

/** Report-sized prose (the first real report is 18 sentences, 2.6 KB): paragraphs of 2–4 sentences. */
function generateReportText(r: Rng, sentences = r.int(12, 30)): string {
  const paragraphs: string[] = [];
  for (let left = sentences; left > 0; ) {
    const size = Math.min(left, r.int(2, 4));
    paragraphs.push(Array.from({ length: size }, () => generateSentence(r)).join(" "));
    left -= size;
  }
  return `${paragraphs.join("\n\n")}\n`;
}

/** Questions of the kinds users ask about such reports (who, how many, when, what), over the same vocabulary. */
export function generateQuestion(r: Rng): string {
  return r.pick<(r: Rng) => string>([
    (r) => `Who mediated the talks on ${r.pick(TOPICS)}?`,
    (r) => `How many ${r.pick(UNITS)} were affected in ${r.pick(PLACES)}?`,
    (r) => `What did the ${r.pick(ROLES)} of ${r.pick(PLACES)} say about ${r.pick(TOPICS)}?`,
    (r) => `When will the next round of talks on ${r.pick(TOPICS)} open?`,
    (r) => `Why did the delegation from ${r.pick(PLACES)} walk out?`,
    (r) => `What caused the delay in ${r.pick(PLACES)}?`,
  ])(r);
}

export interface GeneratedCorpus {
  dir: string;
  files: string[];
  bytes: number;
}

/** Writes `count` reports into `dir` (created), the same files for the same seed. */
export async function writeCorpus(dir: string, count: number, seed: number): Promise<GeneratedCorpus> {
  const r = new SeededRandom(seed);
  await mkdir(dir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (let i = 0; i < count; i++) {
    const file = path.join(dir, `generated-${String(i).padStart(5, "0")}.txt`);
    const text = generateReportText(r);
    await writeFile(file, text);
    bytes += Buffer.byteLength(text);
    files.push(file);
  }
  return { dir, files, bytes };
}
