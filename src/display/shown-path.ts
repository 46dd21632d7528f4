import path from "node:path";

/**
 * A path as a message shows it: relative to the working folder when it is inside it (short, and what the user
 * typed), absolute otherwise, where a chain of `../` would only hide where it points.
 */
export function shownPath(file: string, cwd = process.cwd()): string {
  const relative = path.relative(cwd, file);
  if (relative === "") return ".";
  return relative.startsWith("..") || path.isAbsolute(relative) ? path.resolve(file) : relative;
}
