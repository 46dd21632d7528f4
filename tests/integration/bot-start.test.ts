import { existsSync } from "node:fs";
import { createServer } from "node:net";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { runCommand } from "../../src/cli/run-main.js";
import { loadConfig } from "../../src/config.js";
import { registerCommands } from "../../src/discord/register-commands.js";
import { runBot } from "../../src/discord/run-bot.js";
import { startBot } from "../../src/discord/start-bot.js";
import type { Engine } from "../../src/engine-types.js";
import { silentLogger } from "../../src/logger.js";
import { captureIo } from "../helpers/cli-io.js";
import { makeWorkspace } from "../helpers/temp-workspace.js";

/** Runs `main` as an entry point runs it and returns its exit code and standard error. */
async function entry(main: () => Promise<unknown>) {
  const io = captureIo({});
  const code = await runCommand(async () => void (await main()), io);
  return { code, stderr: io.err() };
}

/** A port on 127.0.0.1 that nothing listens on: connecting to it fails at once, as with no network. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

describe("starting the bot without a network", () => {
  it("says in one line that Discord cannot be reached, naming the host and what to check", async () => {
    const port = await closedPort();
    const config = loadConfig({ DISCORD_TOKEN: "fake-token", DISCORD_API_URL: `http://127.0.0.1:${port}/api`, LOG_LEVEL: "silent" });
    const io = captureIo({});
    const code = await runCommand(() => runBot(config, {} as Engine, silentLogger).then(() => 0), io);
    expect(code).toBe(1);
    expect(io.err()).toBe(`dossier: cannot reach Discord (127.0.0.1:${port}): check the network / proxy / DNS\n`);
  });

  it("says the same for register-commands, not the resolver's own words", async () => {
    const port = await closedPort();
    const config = loadConfig({ DISCORD_TOKEN: "fake-token", DISCORD_APP_ID: "123456789012345678", DISCORD_API_URL: `http://127.0.0.1:${port}/api`, LOG_LEVEL: "silent" });
    const { code, stderr } = await entry(() => registerCommands(config));
    expect(code).toBe(1);
    expect(stderr).toBe(`dossier: cannot reach Discord (127.0.0.1:${port}): check the network / proxy / DNS\n`);
  });
});

describe("the bot's and register-commands' configuration errors", () => {
  it("says in one line that the token is missing, before loading anything", async () => {
    const ws = makeWorkspace({ withFirstReport: false });
    try {
      const data = path.join(ws.root, "none");
      const { code, stderr } = await entry(() => startBot(loadConfig({ CORPUS_DIR: ws.corpusDir, DATA_DIR: data })));
      expect(code).toBe(1);
      expect(stderr).toMatch(/^dossier: DISCORD_TOKEN is not set[^\n]*\n$/);
      expect(existsSync(data)).toBe(false);
    } finally {
      ws.cleanup();
    }
  });

  it("says in one line that an id is malformed", async () => {
    const { code, stderr } = await entry(async () => loadConfig({ DISCORD_TOKEN: "x", DISCORD_GUILD_ID: "my-server" }));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^dossier: Invalid configuration: DISCORD_GUILD_ID must be a Discord id[^\n]*\n$/);
  });

  it("says in one line what register-commands is missing", async () => {
    const { code, stderr } = await entry(() => registerCommands(loadConfig({ DISCORD_TOKEN: "cli-token" })));
    expect(code).toBe(1);
    expect(stderr).toMatch(/^dossier: DISCORD_APP_ID is not set[^\n]*\n$/);
  });
});
