declare module "wink-lexicon/src/wn-verb-exceptions.js" {
  /** WordNet's verb.exc: irregular form → base form ("wrote" → "write"). */
  const exceptions: Record<string, string>;
  export default exceptions;
}
declare module "wink-lexicon/src/wn-noun-exceptions.js" {
  /** WordNet's noun.exc: irregular plural → singular ("children" → "child"). */
  const exceptions: Record<string, string>;
  export default exceptions;
}
declare module "wink-lexicon/src/irregular-verbs.js" {
  /** Every form of an irregular English verb, its base included → base form ("hurt" → "hurt", "sold" → "sell"). */
  const forms: Record<string, string>;
  export default forms;
}
