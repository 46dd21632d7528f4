import { describe, expect, it } from "vitest";
import { createContext } from "../../../src/engine/context.js";
import { memoryIndex } from "../../helpers/memory-index.js";

describe("context", () => {
  it("gives the cited sentence with its neighbours from the index live when asked, clipped at the report's ends", async () => {
    let index = await memoryIndex({ flood: "Rain fell all night. The river rose. Homes were evacuated. Nobody was hurt." });
    const context = createContext(() => index);
    expect(context("flood#2")!.sentences.map((s) => s.text)).toEqual(["The river rose.", "Homes were evacuated.", "Nobody was hurt."]);
    expect(context("flood#0", 2)!.sentences.map((s) => s.index)).toEqual([0, 1, 2]);
    expect(context("flood#3")!.report.id).toBe("flood");

    index = await memoryIndex({ harbour: "The harbour reopened." });
    expect(context("flood#2")).toBeUndefined();
    expect(context("harbour#0")!.sentences.map((s) => s.text)).toEqual(["The harbour reopened."]);
  });
});
