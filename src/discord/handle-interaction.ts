import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction } from "discord.js";
import { DossierError, userMessage } from "../errors.js";
import { buttons } from "./buttons/index.js";
import { commands } from "./commands/index.js";
import type { BotContext } from "./handler-types.js";
import { replyError } from "./replies.js";

export interface InteractionHandler {
  handle(interaction: Interaction): Promise<void>;
  /** Resolves once every interaction being handled has finished, so shutdown does not cut answers off mid-edit. */
  idle(): Promise<void>;
}

/**
 * Routes interactions to commands and buttons. Every handler runs inside one try/catch: the user gets a short
 * private message, the log gets the details, and no error ever escapes to crash the process.
 */
export function createInteractionHandler(ctx: BotContext): InteractionHandler {
  const commandsByName = new Map(commands.map((c) => [c.data.name, c]));
  const buttonsByPrefix = new Map(buttons.map((b) => [b.prefix, b]));
  const pending = new Set<Promise<void>>();

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandsByName.get(interaction.commandName);
    if (command === undefined) throw new Error(`no handler for /${interaction.commandName}`);
    for (const precondition of command.preconditions ?? []) {
      const result = precondition(interaction);
      if (!result.ok) {
        ctx.logger.info({ command: interaction.commandName }, "refused by a precondition");
        await replyError(interaction, result.message);
        return;
      }
    }
    await command.execute(interaction, ctx);
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commandsByName.get(interaction.commandName);
    if (command?.autocomplete === undefined) return interaction.respond([]);
    await command.autocomplete(interaction, ctx);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const [prefix = "", ...args] = interaction.customId.split(":");
    const button = buttonsByPrefix.get(prefix);
    if (button === undefined) throw new Error(`no handler for button "${interaction.customId}"`);
    await button.execute(interaction, ctx, args);
  }

  async function handleOne(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
    } catch (err) {
      const where = { interaction: interaction.id, type: interaction.type, ...describe(interaction) };
      if (err instanceof DossierError) ctx.logger.warn({ ...where, code: err.code, err }, err.message);
      else ctx.logger.error({ ...where, err }, "interaction failed");
      await recover(interaction, userMessage(err)).catch((replyErr: unknown) =>
        ctx.logger.error({ ...where, err: replyErr }, "could not tell the user about the failure"),
      );
    }
  }

  return {
    handle(interaction) {
      const work = handleOne(interaction).finally(() => pending.delete(work));
      pending.add(work);
      return work;
    },
    async idle() {
      while (pending.size > 0) await Promise.allSettled([...pending]);
    },
  };
}

function describe(interaction: Interaction): Record<string, string> {
  if (interaction.isCommand() || interaction.isAutocomplete()) return { command: interaction.commandName };
  if (interaction.isButton()) return { button: interaction.customId };
  return {};
}

async function recover(interaction: Interaction, message: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
  } else if (interaction.isChatInputCommand() || interaction.isButton()) {
    await replyError(interaction, message);
  }
}
