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
