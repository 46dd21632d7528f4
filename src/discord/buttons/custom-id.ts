import type { ButtonInteraction } from "discord.js";

/** A button's custom id: its handler's prefix, then its own parts; Discord caps the whole at 100 characters. */
export function customId(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join(":");
}

/** The parts `customId` put after the prefix. */
export function customIdParts(interaction: ButtonInteraction): string[] {
  return interaction.customId.split(":").slice(1);
}

/** The prefix the dispatcher routes on. */
export function customIdPrefix(id: string): string {
  return id.split(":", 1)[0] ?? "";
}
