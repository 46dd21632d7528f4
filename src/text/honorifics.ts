/**
 * Titles written before a person's name ("Mr Forsyth", "Prof. Ferreday", "Cllr Maddox"), lowercase and without their
 * full stop: what a later mention adds to a surname, and no part of whose name it is.
 */
export const HONORIFICS = ["mr", "mrs", "ms", "miss", "mx", "dr", "prof", "professor", "sir", "dame", "lord", "lady", "cllr", "councillor", "rev", "judge"] as const;
