import { PermissionFlagsBits, PermissionsBitField, type ChatInputCommandInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import type { BotContext } from "../../../src/discord/handler-types.js";
import { manageGuild } from "../../../src/discord/preconditions/manage-guild.js";

const check = (i: ChatInputCommandInteraction) => manageGuild(i, {} as BotContext);

function interaction(inGuild: boolean, permissions: bigint): ChatInputCommandInteraction {
  return { inGuild: () => inGuild, memberPermissions: new PermissionsBitField(permissions) } as unknown as ChatInputCommandInteraction;
}

describe("manageGuild precondition", () => {
  it("lets a member with Manage Server through", async () => {
    expect(await check(interaction(true, PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages))).toEqual({ ok: true });
  });

  it("lets an Administrator through, who implicitly has every permission", async () => {
    expect(await check(interaction(true, PermissionFlagsBits.Administrator))).toEqual({ ok: true });
  });

  it("refuses everyone else, and anything outside a guild", async () => {
    const refusal = { ok: false, message: "Only members with the Manage Server permission can do that." };
    expect(await check(interaction(true, PermissionFlagsBits.SendMessages))).toEqual(refusal);
    expect(await check(interaction(false, PermissionFlagsBits.ManageGuild))).toEqual(refusal);
  });
});
