import path from "node:path";

/**
 * A file named within the corpus folder ("web/page.html in the corpus folder"), never by the server's absolute path:
 * lines naming files may go to a Discord user, to whom nothing about the host should show. Undefined for a path
 * outside the corpus folder; each caller words that case its own way.
 */
export function corpusName(file: string, corpusDir: string): string | undefined {
  const relative = path.relative(corpusDir, file);
  if (relative === "") return "the corpus folder";
  // "..x" is a file in the folder whose name starts with two dots, not a way out of it.
  if (relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return `${relative.split(path.sep).join("/")} in the corpus folder`;
}
