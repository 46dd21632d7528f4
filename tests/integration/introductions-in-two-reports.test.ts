import { copyFileSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createEngine } from "../../src/engine.js";
import type { Engine } from "../../src/engine-types.js";
import { makeWorkspace, type Workspace } from "../helpers/temp-workspace.js";

// Two reports that spell "CPA" out as two different bodies: a consumer regulator and a port authority.
const FIXTURES = "tests/fixtures/two-definitions";
const REGULATOR = "An energy supplier that overcharged about 40,000 households on prepayment meters must refund them by the end of March, the Consumer Protection Authority (CPA) ruled on Thursday.";
const PORT = "The Carran Ports Authority (CPA) has awarded an £18 million contract to deepen the main channel into Carran harbour, ending a two-year dispute over the plan.";

let ws: Workspace;
let engine: Engine;

beforeAll(async () => {
  ws = makeWorkspace({ withFirstReport: false });
  for (const name of ["energy-price-cap-ruling.txt", "harbour-dredging-contract.txt"]) copyFileSync(path.join(FIXTURES, name), path.join(ws.corpusDir, name));
  engine = await createEngine(ws.config, { onNotice: () => undefined });
});
afterAll(async () => {
  await engine.close();
  ws.cleanup();
});

describe("an acronym two reports spell out as different bodies", () => {
  it("is answered with each report's own definition, not the best-ranked report's alone", async () => {
    // It cited whichever report ranked first, as if "CPA" meant one thing in every report.
    for (const question of ["What is CPA?", "What does CPA stand for?", "What is the CPA?"]) {
      const answer = await engine.ask(question);
      expect(answer.abstained, question).toBe(false);
      expect(answer.citations.map((c) => c.text).sort(), question).toEqual([REGULATOR, PORT].sort());
      expect(answer.text.split("\n"), question).toHaveLength(2);
    }
  });

  it("is answered with the one definition of the report the question is asked of", async () => {
    const answer = await engine.ask("What is CPA?", { reportIds: ["harbour-dredging-contract"] });
    expect(answer.citations.map((c) => c.text)).toEqual([PORT]);
    expect(answer.text).toBe(`${PORT} [1]`);
  });
});
