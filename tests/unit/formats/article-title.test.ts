import { describe, expect, it } from "vitest";
import { articleTitle } from "../../../src/formats/article-title.js";

describe("articleTitle", () => {
  it("never takes the site's name for the title when the page's first heading is its logo", () => {
    // The site's name first, and an <h1> that is its logo: the heading matched the part before the separator, and
    // the report was titled "The Lowmere Gazette".
    expect(articleTitle("The Lowmere Gazette | Council votes on budget", "The Lowmere Gazette", ["The Lowmere Gazette"], undefined)).toBe("Council votes on budget");
    expect(articleTitle("The Lowmere Gazette | Council votes on budget", "The Lowmere Gazette", [], "www.lowmeregazette.example")).toBe("Council votes on budget");
    // The heading that is the article's own still wins.
    expect(articleTitle("Council votes on budget | The Lowmere Gazette", "Council votes on budget", [], undefined)).toBe("Council votes on budget");
  });

  it("knows a site by its host under a generic or a country's domain", () => {
    // cnn.com's own name was taken for "edition", as if .com were a country's second level like .co.uk.
    expect(articleTitle("Storm hits the coast - CNN", undefined, [], "edition.cnn.com")).toBe("Storm hits the coast");
    expect(articleTitle("Storm hits the coast - BBC", undefined, [], "news.bbc.co.uk")).toBe("Storm hits the coast");
    expect(articleTitle("Storm hits the coast - ABC", undefined, [], "www.abc.net.au")).toBe("Storm hits the coast");
    expect(articleTitle("Bridge reopens - Example News", undefined, [], "www.examplenews.com")).toBe("Bridge reopens");
    expect(articleTitle("Budget 2026 - Part 2", undefined, [], "edition.cnn.com")).toBe("Budget 2026 - Part 2");
  });
});
