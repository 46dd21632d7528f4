import path from "node:path";

/**
 * `file`'s path relative to `dir` when it is `dir` itself ("") or inside it, in the platform's separators; undefined
 * when it is outside. "..x" is a file in the folder whose name starts with two dots, not a way out of it.
 */
export function pathInside(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  return relative === ".." || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative) ? undefined : relative;
}
