// Digits that are not counts or amounts: dates, years, clock times, ages, telephone numbers, and the numbers in names
// and codes.
export const MONTH_NAMES = "january|february|march|april|may|june|july|august|september|october|november|december";
export const MONTHS = `${MONTH_NAMES}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec`;
export const DAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday";
export const CLOCK = String.raw`\b\d{1,2}([:.]\d\d)?\s?([ap]\.?m\b\.?|o'clock|hours?\b|gmt|utc)|\b\d{1,2}:\d\d\b|\bnoon\b|\bmidnight\b`;
export const YEAR = String.raw`\b(1[89]|20)\d\d\b`;
const DATE = String.raw`\b(\d{1,2}(st|nd|rd|th)?\s+(${MONTHS})|(${MONTHS})\s+\d{1,2}(st|nd|rd|th)?)\b`;
// "1-800-555-0142", "(0161) 496 0000": a telephone number counts nothing.
const PHONE = String.raw`(\+?\d{1,3}[- ]?)?(\(\d{2,5}\)\s?|\b\d{1,5}-)\d{3,4}[- ]\d{3,4}\b`;
// "CLEARVIEW-3", "COVID-19", "A320": a name's number counts nothing.
const NOT_A_QUANTITY = new RegExp(`${PHONE}|${DATE}|${CLOCK}|${YEAR}|\\b(${DAYS})\\b|\\b\\d{1,3}[- ]years?[- ]old\\b|\\baged\\s+\\d{1,3}\\b|\\b[a-z]+-\\d+\\b|\\b[a-z]+\\d+[a-z]*\\b`, "gi");

/** The text with every date, year, clock time, age, telephone number and name's number blanked out, each by as many spaces (offsets hold). */
export function withoutNonQuantities(text: string): string {
  return text.replace(NOT_A_QUANTITY, (m) => " ".repeat(m.length));
}
