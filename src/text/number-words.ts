/** Numbers as news copy spells them, for patterns that read "two-bedroom", "three weeks" or "which four wards". */
export const SMALL_NUMBER_WORDS = "one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve";
export const TENS_WORDS = "twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety";
/** Ordinals past "first" (too common to narrow anything), each with its spelling in digits. */
export const ORDINALS: ReadonlyArray<readonly [string, string]> = [
  ["second", "2nd"], ["third", "3rd"], ["fourth", "4th"], ["fifth", "5th"], ["sixth", "6th"], ["seventh", "7th"],
  ["eighth", "8th"], ["ninth", "9th"], ["tenth", "10th"], ["eleventh", "11th"], ["twelfth", "12th"],
];
