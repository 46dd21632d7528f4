/** `text` matched literally inside a regular expression built around it (names hold dots: "U.S.", "St. Oswald's"). */
export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
