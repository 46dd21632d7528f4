import path from "node:path";
import { describe, expect, it } from "vitest";
import { corpusName } from "../../../src/core/corpus-name.js";

const corpus = path.join(path.sep, "srv", "dossier", "corpus");

describe("corpusName", () => {
  it("names a file inside the corpus folder relative to it, and the folder itself in words", () => {
    expect(corpusName(path.join(corpus, "web", "page.html"), corpus)).toBe("web/page.html in the corpus folder");
    expect(corpusName(corpus, corpus)).toBe("the corpus folder");
  });

  it("takes a name that starts with two dots for a file inside, not a way out", () => {
    expect(corpusName(path.join(corpus, "..notes.txt"), corpus)).toBe("..notes.txt in the corpus folder");
  });

  it("names nothing outside the corpus folder, a sibling that shares its prefix included", () => {
    expect(corpusName(path.join(corpus, ".."), corpus)).toBeUndefined();
    expect(corpusName(path.join(path.sep, "srv", "dossier", "corpus-old", "a.txt"), corpus)).toBeUndefined();
    expect(corpusName(path.join(path.sep, "etc", "passwd"), corpus)).toBeUndefined();
  });
});
