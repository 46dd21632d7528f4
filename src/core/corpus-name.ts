import path from "node:path";
import { pathInside } from "./path-inside.js";

/**
 * A file named within the corpus folder ("web/page.html in the corpus folder"), never by the server's absolute path:
 * lines naming files may go to a Discord user, to whom nothing about the host should show. Undefined for a path
 * outside the corpus folder; each caller words that case its own way.
 */
export function corpusName(file: string, corpusDir: string): string | undefined {
  return nameInFolder(file, corpusDir, "the corpus folder");
}

/** As corpusName, for any folder named by its role ("the index folder"). */
export function nameInFolder(file: string, dir: string, folder: string): string | undefined {
  const relative = pathInside(dir, file);
  if (relative === undefined) return undefined;
  return relative === "" ? folder : `${relative.split(path.sep).join("/")} in ${folder}`;
}
