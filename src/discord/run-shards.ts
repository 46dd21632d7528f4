import { REST, Routes, ShardingManager } from "discord.js";
import type { Logger } from "pino";
import type { Config } from "../config.js";
import { requireToken } from "./client.js";

/** Set by discord.js in the processes a ShardingManager spawns: such a process is one shard, not another manager. */
export const isShard = (env: NodeJS.ProcessEnv = process.env) => env.SHARDING_MANAGER === "true";

/**
 * Spawns `shards` bot processes running `file` (discord.js ShardingManager), each a whole engine answering the
 * guilds Discord routes to its shard; they share the index only through a shared store (INDEX_STORE=postgres).
 * Runs until SIGINT/SIGTERM, then stops every shard the same way.
 */
export async function runShards(config: Config, shards: number | "auto", file: string, logger: Logger): Promise<void> {
  const token = requireToken(config);
  if (config.store.kind === "local") {
    logger.warn("SHARDS with INDEX_STORE=local: every shard loads and updates its own copy of the on-disk index; use INDEX_STORE=postgres to share one");
  }
  const totalShards = shards === "auto" ? await recommendedShards(config, token) : shards;
  const manager = new ShardingManager(file, {
    token,
    totalShards,
    ...(config.discord.shardList === undefined ? {} : { shardList: config.discord.shardList }),
    // The shards run TypeScript the way this process does (node --import tsx).
    execArgv: process.execArgv,
    respawn: true,
  });
  manager.on("shardCreate", (shard) => logger.info({ shard: shard.id, of: totalShards }, "shard started"));
  await manager.spawn({ timeout: -1, delay: config.discord.shardSpawnDelayMs });
  const signal = await new Promise<NodeJS.Signals>((resolve) => {
    process.once("SIGINT", resolve);
    process.once("SIGTERM", resolve);
  });
  logger.info({ signal }, "stopping shards");
  manager.respawn = false;
  await Promise.all(
    [...manager.shards.values()].map(
      (shard) =>
        new Promise<void>((resolve) => {
          if (!shard.process) return resolve();
          shard.process.once("exit", () => resolve());
          shard.process.kill(signal);
        }),
    ),
  );
}

/**
 * Discord's recommended shard count (about one per 1,000 guilds), asked through our REST client so DISCORD_API_URL
 * applies (discord.js's own "auto" always asks discord.com).
 */
async function recommendedShards(config: Config, token: string): Promise<number> {
  const rest = new REST({ version: "10", ...(config.discord.apiUrl === undefined ? {} : { api: config.discord.apiUrl }) }).setToken(token);
  const { shards } = (await rest.get(Routes.gatewayBot())) as { shards: number };
  return shards;
}
