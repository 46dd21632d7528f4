/**
 * An error's string `code` ("ENOENT", "EIO", "ECONNREFUSED"), read without trusting its shape: what is thrown may be
 * anything, and a code is the one part of a foreign error that is safe to show anyone.
 */
export function errorCode(error: unknown): string | undefined {
  if (typeof error !== "object" || error === null) return undefined;
  const code = (error as { code?: unknown }).code;
  return typeof code === "string" ? code : undefined;
}
