// The news report itself, as a reader names it: "the article", "this story", "the news report". "The report" and
// "the piece" alone are not it: a news report often covers another report ("Who wrote the inquiry report?", written by
// someone in the story), and a review's "piece" is the music. "This report" and "this piece" point at the one read.
const THE_REPORT = String.raw`(?:(?:the|this|that)\s+(?:news\s+)?(?:article|story)|(?:this|that)\s+(?:piece|report)|the\s+news\s+(?:report|piece)|(?:the|this)\s+write-?up)`;
// What the report is about, after it: "about the museum theft", "on the rate cut".
const TOPIC = String.raw`(?:\s+(?:about|on|of|regarding|concerning|covering)\s+(.+?))?`;
const END = String.raw`[\s?.!]*$`;
const WHO = String.raw`^\s*(?:so\s+|and\s+)?who\s*`;

const AUTHOR_QUESTIONS = [
  // "Who wrote the article?", "who reported this story", "Who wrote the article about the museum theft?"
  new RegExp(String.raw`${WHO}(?:wrote|writes?|authored|penned|reported|filed|did)\s+${THE_REPORT}${TOPIC}${END}`, "iu"),
  // "Who is the author of the article?", "who was the reporter behind this story", "who's the journalist on the story"
  new RegExp(String.raw`${WHO}(?:is|was|are|were|'s|’s)\s+the\s+(?:authors?|writers?|reporters?|journalists?|correspondents?)\s+(?:of|behind|for|on)\s+${THE_REPORT}${TOPIC}${END}`, "iu"),
  // "Who is the article's author?", "who is this story's reporter"
  new RegExp(String.raw`${WHO}(?:is|was|are|were|'s|’s)\s+${THE_REPORT}['’]s?\s+(?:authors?|writers?|reporters?|journalists?|byline)${TOPIC}${END}`, "iu"),
  // "Whose byline is on the article?", "whose byline is this story"
  new RegExp(String.raw`^\s*whose\s+byline\s+(?:is|was)\s+(?:(?:on|under|at the top of)\s+)?${THE_REPORT}${TOPIC}${END}`, "iu"),
  // "Who is the article by?", "who was this story written by"
  new RegExp(String.raw`${WHO}(?:is|was)\s+${THE_REPORT}${TOPIC}\s+(?:written\s+)?by${END}`, "iu"),
];

/**
 * The question asks who wrote the news report itself (its byline), and not who wrote something the report covers
 * ("Who wrote Pride and Prejudice?", "Who is the study's lead author?"): `topic` is what it names the report by, if
 * anything ("the museum theft" of "Who wrote the article about the museum theft?"); undefined when it asks no such
 * thing. The whole question must be the request: "Who wrote the article the minister cited?" asks of another.
 */
export function authorAsked(question: string): { topic?: string } | undefined {
  for (const pattern of AUTHOR_QUESTIONS) {
    const m = pattern.exec(question);
    if (m) return m[1] === undefined ? {} : { topic: m[1].trim() };
  }
  return undefined;
}
