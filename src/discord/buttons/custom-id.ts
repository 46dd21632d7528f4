/** A button's custom id: its handler's prefix, then its own parts; Discord caps the whole at 100 characters. */
export function customId(prefix: string, ...parts: string[]): string {
  return [prefix, ...parts].join(":");
}

/** The parts `customId` put after the prefix (of a button's, or a modal's, custom id). */
export function customIdParts(interaction: { customId: string }): string[] {
  return interaction.customId.split(":").slice(1);
}

/** The prefix the dispatcher routes on. */
export function customIdPrefix(id: string): string {
  return id.split(":", 1)[0] ?? "";
}
