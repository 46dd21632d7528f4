import { PermissionFlagsBits, PermissionsBitField, type ChatInputCommandInteraction } from "discord.js";
import { describe, expect, it } from "vitest";
import { manageGuild } from "../../../src/discord/preconditions/manage-guild.js";

function interaction(inGuild: boolean, permissions: bigint): ChatInputCommandInteraction {
  return { inGuild: () => inGuild, memberPermissions: new PermissionsBitField(permissions) } as unknown as ChatInputCommandInteraction;
}

describe("manageGuild precondition", () => {
  it("lets a member with Manage Server through", () => {
    expect(manageGuild(interaction(true, PermissionFlagsBits.ManageGuild | PermissionFlagsBits.SendMessages))).toEqual({ ok: true });
  });

  it("lets an Administrator through, who implicitly has every permission", () => {
    expect(manageGuild(interaction(true, PermissionFlagsBits.Administrator))).toEqual({ ok: true });
  });

  it("refuses everyone else, and anything outside a guild", () => {
    const refusal = { ok: false, message: "Only members with the Manage Server permission can do that." };
    expect(manageGuild(interaction(true, PermissionFlagsBits.SendMessages))).toEqual(refusal);
    expect(manageGuild(interaction(false, PermissionFlagsBits.ManageGuild))).toEqual(refusal);
  });
});
