/** A spelling variant of a word the reports use ("defense" for "defence"): one edit in five letters or more. */
export function isSpellingVariant(stem: string, vocabulary: Iterable<string>): boolean {
  if (stem.length < 5) return false;
  for (const v of vocabulary) if (Math.abs(v.length - stem.length) <= 1 && v[0] === stem[0] && withinOneEdit(stem, v)) return true;
  return false;
}

function withinOneEdit(a: string, b: string): boolean {
  let i = 0;
  while (i < a.length && i < b.length && a[i] === b[i]) i++;
  if (a.length === b.length) return a.slice(i + 1) === b.slice(i + 1);
  if (a.length > b.length) return a.slice(i + 1) === b.slice(i);
  return a.slice(i) === b.slice(i + 1);
}
