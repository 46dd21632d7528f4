import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { copyFile, mkdir, mkdtemp, rm } from "node:fs/promises";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { APP_ID, startFakeDiscord, type FakeDiscord } from "./fake-discord.js";

/** The entry points as `npm run bot` / `npm run register-commands` run them: real processes, real signals. */

const TSX = path.resolve("node_modules/tsx/dist/cli.mjs");

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
  const child = spawn(process.execPath, [TSX, script], {
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

describe.concurrent("npm run bot", () => {
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

  it("says in one line that the token is missing, before loading anything", async () => {
    const bot = run("scripts/bot.ts", { CORPUS_DIR: path.join(dir, "corpus"), DATA_DIR: path.join(dir, "none") });
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toMatch(/^dossier: DISCORD_TOKEN is not set[^\n]*\n$/);
    expect(existsSync(path.join(dir, "none"))).toBe(false);
  }, 30_000);

  it("says in one line that an id is malformed", async () => {
    const bot = run("scripts/bot.ts", { DISCORD_TOKEN: "x", DISCORD_GUILD_ID: "my-server" });
    expect(await bot.code).toBe(1);
    expect(bot.stderr()).toMatch(/^dossier: Invalid configuration: DISCORD_GUILD_ID must be a Discord id[^\n]*\n$/);
  }, 30_000);
});

describe.concurrent("npm run register-commands", () => {
  it("PUTs the commands to the guild and says so", async () => {
    const register = run("scripts/register-commands.ts", {
      DISCORD_TOKEN: "cli-token",
      DISCORD_APP_ID: APP_ID,
      DISCORD_GUILD_ID: "600000000000000002",
      DISCORD_API_URL: fake.apiUrl,
    });
    expect(await register.code).toBe(0);
    expect(register.stdout()).toBe("Registered 3 slash commands to guild 600000000000000002 (available now).\n");
    expect(fake.requests.some((r) => r.method === "PUT" && r.path === `/applications/${APP_ID}/guilds/600000000000000002/commands`)).toBe(true);
  }, 30_000);

  it("says in one line what is missing", async () => {
    const register = run("scripts/register-commands.ts", { DISCORD_TOKEN: "cli-token" });
    expect(await register.code).toBe(1);
    expect(register.stderr()).toMatch(/^dossier: DISCORD_APP_ID is not set[^\n]*\n$/);
  }, 30_000);

  it("explains a rejected token in one line", async () => {
    fake.failOnce((r) => r.method === "PUT" && r.authorization === "Bot bad", 401, { message: "401: Unauthorized", code: 0 });
    const register = run("scripts/register-commands.ts", { DISCORD_TOKEN: "bad", DISCORD_APP_ID: APP_ID, DISCORD_API_URL: fake.apiUrl });
    expect(await register.code).toBe(1);
    expect(register.stderr()).toMatch(/^dossier: Discord rejected DISCORD_TOKEN \(401 Unauthorized\)[^\n]*\n$/);
  }, 30_000);
});
