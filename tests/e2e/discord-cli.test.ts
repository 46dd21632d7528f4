import { spawn } from "node:child_process";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startFakeDiscord, type FakeDiscord } from "./fake-discord.js";

/**
 * The bot as `npm run bot` runs it: a real process, real signals. Its configuration errors, and register-commands',
 * are checked in-process (tests/integration/bot-start.test.ts, tests/e2e/discord-bot.test.ts).
 */

interface Run {
  code: Promise<number | null>;
  stdout: () => string;
  stderr: () => string;
  /** Resolves once stderr contains `text`. */
  waitForStderr: (text: string) => Promise<void>;
  kill: (signal: NodeJS.Signals) => void;
}

function run(script: string, env: Record<string, string>): Run {
  // A clean environment: a DISCORD_TOKEN or OPENAI_API_KEY in the developer's shell must not leak in.
  // As package.json runs it: one process, node with tsx's loader (the tsx command would put a second one around it).
  const child = spawn(process.execPath, ["--import", "tsx", script], {
    env: { PATH: process.env.PATH ?? "", HOME: process.env.HOME ?? "", LOG_LEVEL: "info", ...env },
    stdio: ["ignore", "pipe", "pipe"],
  });
  let out = "";
  let err = "";
  const listeners: Array<() => void> = [];
  child.stdout.on("data", (d) => (out += d));
  child.stderr.on("data", (d) => {
    err += d;
    for (const l of listeners) l();
  });
  return {
    code: new Promise((resolve) => child.on("exit", resolve)),
    stdout: () => out,
    stderr: () => err,
    waitForStderr: (text) =>
      new Promise((resolve) => {
        const check = () => err.includes(text) && resolve();
        listeners.push(check);
        check();
      }),
    kill: (signal) => child.kill(signal),
  };
}

let fake: FakeDiscord;
let dir: string;

beforeAll(async () => {
  fake = await startFakeDiscord();
  dir = await mkdtemp(path.join(os.tmpdir(), "dossier-discord-cli-"));
  await mkdir(path.join(dir, "corpus"));
  await copyFile(
    path.resolve("corpus/afghanistan-pakistan-istanbul-talks.txt"),
    path.join(dir, "corpus/afghanistan-pakistan-istanbul-talks.txt"),
  );
});

afterAll(async () => {
  await fake?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

describe("npm run bot", () => {
  it("builds the index, logs in, logs one ready line, and exits 0 on SIGTERM", async () => {
    const bot = run("scripts/bot.ts", {
      CORPUS_DIR: path.join(dir, "corpus"),
      DATA_DIR: path.join(dir, "data"),
      DISCORD_TOKEN: "cli-token",
      DISCORD_API_URL: fake.apiUrl,
    });
    await bot.waitForStderr('"msg":"Dossier bot ready"');
    bot.kill("SIGTERM");
    expect(await bot.code).toBe(0);
    const lines = bot.stderr().trim().split("\n").map((l) => JSON.parse(l));
    expect(lines.filter((l) => l.msg === "Dossier bot ready")).toHaveLength(1);
    expect(lines.at(-1)?.msg).toBe("Dossier bot stopped");
    expect(bot.stderr()).not.toContain("cli-token");
  }, 30_000);
});
