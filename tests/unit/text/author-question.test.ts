import { describe, expect, it } from "vitest";
import { authorAsked } from "../../../src/text/author-question.js";

describe("a question asking who wrote the news report", () => {
  it("asks for the report's own author, by any of the ways a reader names it", () => {
    for (const q of [
      "Who wrote the article?",
      "who wrote this article",
      "Who wrote the story?",
      "who wrote this piece?",
      "Who wrote this report?",
      "Who is the author of the article?",
      "who's the reporter of this story",
      "Who is the journalist behind the article?",
      "Who reported this story?",
      "Whose byline is on the article?",
      "Who is the article's author?",
      "who was the article written by",
    ]) {
      expect(authorAsked(q), q).toEqual({});
    }
  });

  it("keeps what the report is named by", () => {
    expect(authorAsked("Who wrote the article about the museum theft?")).toEqual({ topic: "the museum theft" });
    expect(authorAsked("who is the author of the story on the rate cut")).toEqual({ topic: "the rate cut" });
  });

  it("does not ask of a report, book or study the report covers", () => {
    for (const q of [
      "Who wrote the report?",
      "Who wrote the inquiry report?",
      "Who wrote the Tarrow Bridge inquiry report?",
      "Who wrote Pride and Prejudice?",
      "Who is the study's lead author?",
      "Who wrote for the majority?",
      "who wrote it",
      "Who wrote the piece?",
      "Who wrote the article the minister cited?",
      "Who is the author?",
    ]) {
      expect(authorAsked(q), q).toBeUndefined();
    }
  });
});
