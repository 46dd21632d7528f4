import type { AutocompleteInteraction, ButtonInteraction, ChatInputCommandInteraction, Interaction, ModalSubmitInteraction } from "discord.js";
import { DossierError, userMessage } from "../errors.js";
import { buttons } from "./buttons/index.js";
import { commands } from "./commands/index.js";
import { modals } from "./modals/index.js";
import { customIdPrefix } from "./buttons/custom-id.js";
import type { BotContext, Precondition, RepliableInteraction } from "./handler-types.js";
import { replyPrivately } from "./replies.js";

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
  const modalsByPrefix = new Map(modals.map((m) => [m.prefix, m]));
  const pending = new Set<Promise<void>>();

  async function onCommand(interaction: ChatInputCommandInteraction): Promise<void> {
    const command = commandsByName.get(interaction.commandName);
    if (command === undefined) throw new Error(`no handler for /${interaction.commandName}`);
    if (await passes(interaction, command.preconditions)) await command.execute(interaction, ctx);
  }

  /** Runs preconditions in order; the first refusal is the user's private reply and the handler never runs. */
  async function passes(interaction: RepliableInteraction, preconditions: readonly Precondition[] = []): Promise<boolean> {
    for (const precondition of preconditions) {
      const result = await precondition(interaction, ctx);
      if (!result.ok) {
        ctx.logger.info(describe(interaction), "refused by a precondition");
        await replyPrivately(interaction, result.message);
        return false;
      }
    }
    return true;
  }

  async function onAutocomplete(interaction: AutocompleteInteraction): Promise<void> {
    const command = commandsByName.get(interaction.commandName);
    if (command?.autocomplete === undefined) return interaction.respond([]);
    await command.autocomplete(interaction, ctx);
  }

  async function onButton(interaction: ButtonInteraction): Promise<void> {
    const button = buttonsByPrefix.get(customIdPrefix(interaction.customId));
    if (button === undefined) throw new Error(`no handler for button "${interaction.customId}"`);
    if (await passes(interaction, button.preconditions)) await button.execute(interaction, ctx);
  }

  async function onModalSubmit(interaction: ModalSubmitInteraction): Promise<void> {
    const modal = modalsByPrefix.get(customIdPrefix(interaction.customId));
    if (modal === undefined) throw new Error(`no handler for modal "${interaction.customId}"`);
    if (await passes(interaction, modal.preconditions)) await modal.execute(interaction, ctx);
  }

  async function handleOne(interaction: Interaction): Promise<void> {
    try {
      if (interaction.isChatInputCommand()) await onCommand(interaction);
      else if (interaction.isAutocomplete()) await onAutocomplete(interaction);
      else if (interaction.isButton()) await onButton(interaction);
      else if (interaction.isModalSubmit()) await onModalSubmit(interaction);
    } catch (err) {
      const where = { interaction: interaction.id, type: interaction.type, ...describe(interaction) };
      if (err instanceof DossierError) ctx.logger.warn({ ...where, code: err.code, err }, err.forOperator);
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
  if (interaction.isModalSubmit()) return { modal: interaction.customId };
  return {};
}

async function recover(interaction: Interaction, message: string): Promise<void> {
  if (interaction.isAutocomplete()) {
    if (!interaction.responded) await interaction.respond([]);
  } else if (interaction.isChatInputCommand() || interaction.isButton() || interaction.isModalSubmit()) {
    await replyPrivately(interaction, message);
  }
}
