import { PermissionFlagsBits } from "discord.js";
import type { Precondition } from "../handler-types.js";

/**
 * Requires the Manage Server permission. The command's default member permissions only hide it in the client,
 * and server admins can override them, so the bot checks the member's resolved permissions itself.
 */
export const manageGuild: Precondition = async (interaction) => {
  if (interaction.inGuild() && interaction.memberPermissions.has(PermissionFlagsBits.ManageGuild)) return { ok: true };
  return { ok: false, message: "Only members with the Manage Server permission can do that." };
};
