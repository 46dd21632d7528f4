import { PermissionFlagsBits } from "discord.js";
import { APP_ID, botMessage, CHANNEL_ID } from "./fake-discord.js";

/** Gateway INTERACTION_CREATE payloads as Discord sends them from a guild text channel. */

export const GUILD_ID = "600000000000000001";
const MEMBER = PermissionFlagsBits.SendMessages | PermissionFlagsBits.UseApplicationCommands | PermissionFlagsBits.ViewChannel;
const ADMIN = MEMBER | PermissionFlagsBits.ManageGuild;

let nextId = 500000000000000000n;
const snowflake = () => String(++nextId);

export interface Who {
  userId: string;
  admin?: boolean;
}

export interface Sent {
  id: string;
  token: string;
  payload: Record<string, unknown>;
}

function interaction(type: number, who: Who, data: Record<string, unknown>, extra: Record<string, unknown> = {}): Sent {
  const id = snowflake();
  const token = `token-${id}`;
  const user = { id: who.userId, username: `user${who.userId.slice(-4)}`, discriminator: "0", global_name: null, avatar: null };
  return {
    id,
    token,
    payload: {
      id,
      token,
      type,
      data,
      version: 1,
      application_id: APP_ID,
      guild_id: GUILD_ID,
      channel_id: CHANNEL_ID,
      channel: { id: CHANNEL_ID, type: 0, guild_id: GUILD_ID, name: "news" },
      member: {
        user,
        roles: [],
        joined_at: "2024-01-01T00:00:00.000Z",
        deaf: false,
        mute: false,
        flags: 0,
        permissions: String(who.admin ? ADMIN : MEMBER),
      },
      app_permissions: String(MEMBER | PermissionFlagsBits.EmbedLinks),
      locale: "en-US",
      guild_locale: "en-US",
      entitlements: [],
      authorizing_integration_owners: { "0": GUILD_ID },
      context: 0,
      ...extra,
    },
  };
}

type Option = { name: string; type: number; value: string | boolean; focused?: boolean };

export function slashCommand(name: string, who: Who, options: Option[] = [], resolved?: Record<string, unknown>): Sent {
  return interaction(2, who, { id: snowflake(), name, type: 1, options, ...(resolved ? { resolved } : {}) });
}

export function ask(who: Who, question: string, report?: string, shared?: boolean): Sent {
  const options: Option[] = [{ name: "question", type: 3, value: question }];
  if (report !== undefined) options.push({ name: "report", type: 3, value: report });
  if (shared !== undefined) options.push({ name: "shared", type: 5, value: shared });
  return slashCommand("ask", who, options);
}

export function autocompleteReport(who: Who, typed: string, command: "ask" | "remove" = "ask"): Sent {
  const others: Option[] = command === "ask" ? [{ name: "question", type: 3, value: "what happened" }] : [];
  return interaction(4, who, {
    id: snowflake(),
    name: command,
    type: 1,
    options: [...others, { name: "report", type: 3, value: typed, focused: true }],
  });
}

export function ingest(who: Who, file: { filename: string; url: string; size: number; contentType?: string }): Sent {
  const attachmentId = snowflake();
  return slashCommand("ingest", who, [{ name: "report", type: 11, value: attachmentId }], {
    attachments: {
      [attachmentId]: {
        id: attachmentId,
        filename: file.filename,
        size: file.size,
        url: file.url,
        proxy_url: file.url,
        content_type: file.contentType ?? "text/plain; charset=utf-8",
      },
    },
  });
}

export function button(who: Who, customId: string): Sent {
  return interaction(
    3,
    who,
    { custom_id: customId, component_type: 2 },
    {
      message: botMessage({}),
    },
  );
}

/** A modal's submission, as Discord sends it for a modal of labelled text inputs: `fields` maps input ids to text. */
export function modalSubmit(who: Who, customId: string, fields: Record<string, string>): Sent {
  const components = Object.entries(fields).map(([id, value], i) => ({
    type: 18,
    id: 2 * i + 1,
    component: { type: 4, id: 2 * i + 2, custom_id: id, value },
  }));
  return interaction(5, who, { custom_id: customId, components }, { message: botMessage({}) });
}
