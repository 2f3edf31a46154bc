import { PermissionFlagsBits } from "discord.js";
import type { Translator } from "../i18n/translator.ts";
import type { DiscordSettings } from "./discordSettings.ts";
import { POST_PERMISSIONS } from "./postPermissions.ts";

/** The permissions Steward uses, as their words are named in the catalogs. */
export type PermissionKey =
  | "viewChannel"
  | "sendMessages"
  | "embedLinks"
  | "readMessageHistory"
  | "attachFiles"
  | "mentionEveryone";

/**
 * A permission Steward uses, and why (the doctor and `steward invite` say why): `name` and `why` in English for the
 * CLI; `key` for the words a moderator reads in their language (`permissionWords`).
 */
export interface NeededPermission {
  bit: bigint;
  key: PermissionKey;
  name: string;
  why: string;
}

/** A permission's name as Discord shows it in the reader's language, and why Steward needs it. */
export function permissionWords(t: Translator, p: Pick<NeededPermission, "key">): string {
  return t.t("setup.permission.item", {
    name: t.t(`setup.permission.${p.key}.name`),
    why: t.t(`setup.permission.${p.key}.why`),
  });
}

export const ATTACH_FILES: NeededPermission = {
  bit: PermissionFlagsBits.AttachFiles,
  key: "attachFiles",
  name: "Attach Files",
  why: "each approved payout's Safe batch file (SETTLEMENT_MODE=safe-export)",
};

export const MENTION_EVERYONE: NeededPermission = {
  bit: PermissionFlagsBits.MentionEveryone,
  key: "mentionEveryone",
  name: "Mention Everyone",
  why: "to notify the moderator role when it is not mentionable; Steward never pings @everyone or @here",
};

export type ChannelSetting = "CONTRIBUTIONS_CHANNEL" | "GOVERNANCE_CHANNEL" | "PAYOUTS_CHANNEL" | "COMPUTE_CHANNEL";

/** What Steward does in one configured channel: the permissions it needs there, and whether it pings moderators. */
export interface ChannelNeeds {
  setting: ChannelSetting;
  value: string;
  needs: NeededPermission[];
  /** Notes to moderators (and Safe batches) mention the moderator role here. */
  pingsModerators: boolean;
}

/** Every channel setting with what this configuration makes Steward do there. */
export function channelNeeds(settings: DiscordSettings): ChannelNeeds[] {
  const { safeExport } = settings;
  const channels: Omit<ChannelNeeds, "pingsModerators">[] = [
    { setting: "CONTRIBUTIONS_CHANNEL", value: settings.channels.contributions, needs: [...POST_PERMISSIONS] },
    { setting: "GOVERNANCE_CHANNEL", value: settings.channels.governance, needs: [...POST_PERMISSIONS] },
    {
      setting: "PAYOUTS_CHANNEL",
      value: settings.channels.payouts,
      needs: [...POST_PERMISSIONS, ...(safeExport ? [ATTACH_FILES] : [])],
    },
    { setting: "COMPUTE_CHANNEL", value: settings.channels.compute, needs: [...POST_PERMISSIONS] },
  ];
  return channels.map((c) => ({
    ...c,
    pingsModerators: c.setting === "GOVERNANCE_CHANNEL" || c.setting === "PAYOUTS_CHANNEL",
  }));
}

/**
 * The server-wide permissions to invite the bot with: everything any channel needs, and Mention Everyone, the only
 * way a bot notifies a role that is not mentionable (moderator roles usually are not, to keep members from pinging
 * them). Nothing else: Steward never moderates, deletes or manages anything.
 */
export function invitePermissions(settings: DiscordSettings): NeededPermission[] {
  const all = [...channelNeeds(settings).flatMap((c) => c.needs), MENTION_EVERYONE];
  const unique = [...new Map(all.map((p) => [p.bit, p])).values()];
  return unique.sort((a, b) => (a.bit < b.bit ? -1 : 1));
}

export const permissionInteger = (permissions: NeededPermission[]) => permissions.reduce((bits, p) => bits | p.bit, 0n);

/** The OAuth2 URL that adds the bot with its slash commands and exactly `invitePermissions`. */
export function inviteUrl(applicationId: string, settings: DiscordSettings): string {
  const params = new URLSearchParams({
    client_id: applicationId,
    scope: "bot applications.commands",
    permissions: permissionInteger(invitePermissions(settings)).toString(),
  });
  // One configured server: the page offers only that one.
  const [only, ...more] = settings.guildIds ?? [];
  if (only && more.length === 0) {
    params.set("guild_id", only);
    params.set("disable_guild_select", "true");
  }
  return `https://discord.com/oauth2/authorize?${params.toString()}`;
}
