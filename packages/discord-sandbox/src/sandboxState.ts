import { randomBytes } from "node:crypto";
import { type MentionRights, resolveMentions } from "./mentions.ts";
import { snowflake } from "./snowflake.ts";
import { type ComponentNode, walkComponents } from "./walkComponents.ts";

export const CHANNEL_NAMES = ["general", "contributions", "governance", "payouts", "compute"] as const;
export const ROLE_NAMES = ["Member", "Moderator", "Provider", "Juror"] as const;

export interface SandboxUser {
  id: string;
  username: string;
  roles: string[];
  bot: boolean;
  joinedAt: string;
  /** false: a Discord user who is not a member of the guild (cannot see its commands or messages). */
  inGuild: boolean;
  /** The DM channel between the bot and this user, once the bot opened one (POST /users/@me/channels). */
  dmChannelId?: string;
  /** The user turned off DMs from the server's members: the bot's DMs are refused with 50007. */
  dmsClosed?: boolean;
  /** The language of the user's Discord client (each interaction's `locale`); unset: en-US. */
  locale?: string;
}

/** A permission overwrite as Discord stores it on a channel (type 0 a role, 1 a member). */
export interface Overwrite {
  id: string;
  type: 0 | 1;
  allow: string;
  deny: string;
}

export interface SandboxChannel {
  id: string;
  name: string;
  /** Permission overwrites, as a server admin sets them (the control API sets the bot's). */
  overwrites?: Overwrite[];
}

export interface SandboxRole {
  id: string;
  name: string;
  position: number;
  permissions: string;
  /** "Allow anyone to @mention this role": off, only a member or bot with Mention Everyone pings it. Default on. */
  mentionable?: boolean;
}

export type Json = Record<string, unknown>;

export interface SandboxAttachment {
  id: string;
  filename: string;
  contentType: string;
  size: number;
  /** The file's bytes, base64. */
  data: string;
}

/** How long Discord remembers a message's nonce for `enforce_nonce` ("the past few minutes"). */
export const NONCE_WINDOW_MS = 5 * 60_000;

export interface StoredMessage {
  id: string;
  channelId: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  flags: number;
  createdAt: string;
  editedAt: string | null;
  mentions: { everyone: boolean; users: string[]; roles: string[] };
  /** The nonce it was created with: with `enforce_nonce`, a create repeating it returns this message instead. */
  nonce?: string;
  /** Files sent with the message (multipart), kept whole: the control API serves them back. */
  attachments?: SandboxAttachment[];
  /** Set for interaction responses: whose interaction, and whether only that user sees the message. */
  interactionId?: string;
  ephemeral: boolean;
  visibleTo?: string;
  type: number;
}

export type ResponseKind = "reply" | "defer" | "edit" | "followup" | "update" | "modal";

export interface RecordedResponse {
  kind: ResponseKind;
  messageId?: string;
  content: string;
  embeds: unknown[];
  components: unknown[];
  ephemeral: boolean;
  mentions?: StoredMessage["mentions"];
  customId?: string;
  title?: string;
}

export interface PendingInteraction {
  id: string;
  token: string;
  type: number;
  userId: string;
  channelId: string;
  createdAt: number;
  /** The message a component interaction was clicked on; @original after an update/deferred update. */
  sourceMessageId?: string;
  originalMessageId?: string;
  acknowledged: boolean;
  /** When the bot's first callback arrived (ms epoch): ack latency = acknowledgedAt - createdAt. */
  acknowledgedAt?: number;
  deferred: boolean;
  final: boolean;
  responses: RecordedResponse[];
  modal?: Json;
  waiters: (() => void)[];
}

export interface StoredCommand extends Json {
  id: string;
  name: string;
  guild_id?: string;
}

const FLAG_EPHEMERAL = 64;
const FLAG_LOADING = 128;

/** Who the sandbox is: the ids and token that must stay the same across restarts for its history to make sense. */
export interface SandboxIdentity {
  applicationId: string;
  botUser: SandboxUser;
  botToken: string;
  guildId: string;
  channels: SandboxChannel[];
  roles: SandboxRole[];
  /** The guild's owner: a person, not the bot (an owner has every permission, which would hide missing ones). */
  ownerId?: string;
}

/** One change to the sandbox's lasting state, as the journal stores it (interactions are not lasting). */
export type SandboxChange =
  | { t: "identity"; identity: SandboxIdentity }
  | { t: "user"; user: SandboxUser }
  | { t: "message"; message: StoredMessage }
  | { t: "delete"; id: string }
  | { t: "commands"; scope: "global" | "guild"; commands: StoredCommand[] }
  | { t: "channels"; channels: SandboxChannel[] }
  | { t: "intents"; members: boolean }
  | { t: "roles"; roles: SandboxRole[] }
  | { t: "application"; botPublic: boolean }
  | { t: "guild"; locale: string };

/** The sandbox's one guild and everything in it: the data the REST API, the gateway and the control API share. */
export class SandboxState {
  readonly applicationId: string;
  readonly botUser: SandboxUser;
  readonly botToken: string;
  readonly guildId: string;
  readonly guildName = "Steward Sandbox";
  channels: SandboxChannel[];
  readonly roles: SandboxRole[];
  readonly ownerId: string;
  /** The Server Members intent, as enabled in the developer portal: off, listing members is refused (50001). */
  membersIntent = true;
  /** The application's Public Bot setting (developer portal): off here, as a server set up for Steward has it. */
  botPublic = false;
  /** Added to the clock for interaction token lifetimes: tests advance time without waiting 15 minutes. */
  clockOffsetMs = 0;
  /** Where the control API serves attachments (set once the server listens). */
  attachmentUrl = "http://sandbox/sandbox/attachments";

  findAttachment(id: string): SandboxAttachment | undefined {
    for (const m of this.messages.values()) {
      const a = m.attachments?.find((x) => x.id === id);
      if (a) return a;
    }
    return undefined;
  }
  readonly users = new Map<string, SandboxUser>();
  readonly messages = new Map<string, StoredMessage>();
  readonly interactions = new Map<string, PendingInteraction>();
  globalCommands: StoredCommand[] = [];
  guildCommands: StoredCommand[] = [];
  /** Told of every lasting change, after it is made (the journal writes it down). */
  onChange: (change: SandboxChange) => void = () => {};
  /** The guild's language (Server Settings › Community › Server Primary Language): `preferred_locale`, `guild_locale`. */
  guildLocale = "en-US";

  constructor(identity?: SandboxIdentity) {
    if (identity) {
      ({
        applicationId: this.applicationId,
        botUser: this.botUser,
        botToken: this.botToken,
        guildId: this.guildId,
        channels: this.channels,
        roles: this.roles,
      } = identity);
      this.ownerId = identity.ownerId ?? snowflake();
      return;
    }
    this.ownerId = snowflake();
    this.applicationId = snowflake();
    this.guildId = snowflake();
    this.botUser = {
      id: this.applicationId,
      username: "Steward",
      roles: [],
      bot: true,
      joinedAt: new Date().toISOString(),
      inGuild: true,
    };
    this.botToken = `${Buffer.from(this.applicationId).toString("base64url")}.sandbox.${randomBytes(16).toString("hex")}`;
    this.channels = CHANNEL_NAMES.map((name) => ({ id: snowflake(), name }));
    // @everyone carries the guild's id, as on Discord.
    this.roles = [
      { id: this.guildId, name: "@everyone", position: 0, permissions: "2248473465835073" },
      ...ROLE_NAMES.map((name, i) => ({ id: snowflake(), name, position: i + 1, permissions: "2248473465835073" })),
    ];
  }

  identity(): SandboxIdentity {
    const { applicationId, botUser, botToken, guildId, channels, roles, ownerId } = this;
    return { applicationId, botUser, botToken, guildId, channels, roles, ownerId };
  }

  /** Applies a change read back from the journal (no notification: it is already written down). */
  replay(change: SandboxChange): void {
    if (change.t === "user") this.users.set(change.user.id, change.user);
    else if (change.t === "message") this.messages.set(change.message.id, change.message);
    else if (change.t === "delete") this.messages.delete(change.id);
    else if (change.t === "channels") this.channels = change.channels;
    else if (change.t === "intents") this.membersIntent = change.members;
    else if (change.t === "roles") this.roles.splice(0, this.roles.length, ...change.roles);
    else if (change.t === "application") this.botPublic = change.botPublic;
    else if (change.t === "guild") this.guildLocale = change.locale;
    else if (change.t === "commands") {
      if (change.scope === "global") this.globalCommands = change.commands;
      else this.guildCommands = change.commands;
    }
  }

  /** Every lasting fact as changes, for rewriting the journal compactly. */
  *snapshot(): Generator<SandboxChange> {
    yield { t: "identity", identity: this.identity() };
    for (const user of this.users.values()) yield { t: "user", user };
    for (const message of this.messages.values()) yield { t: "message", message };
    yield { t: "channels", channels: this.channels };
    yield { t: "intents", members: this.membersIntent };
    // Written only when on: off is the default a journal without it restores.
    if (this.botPublic) yield { t: "application", botPublic: true };
    if (this.guildLocale !== "en-US") yield { t: "guild", locale: this.guildLocale };
    yield { t: "commands", scope: "global", commands: this.globalCommands };
    yield { t: "commands", scope: "guild", commands: this.guildCommands };
  }

  setCommands(scope: "global" | "guild", commands: StoredCommand[]): StoredCommand[] {
    this.replay({ t: "commands", scope, commands });
    this.onChange({ t: "commands", scope, commands });
    return commands;
  }

  updateUser(
    user: SandboxUser,
    patch: Partial<Pick<SandboxUser, "roles" | "inGuild" | "joinedAt" | "dmChannelId" | "dmsClosed" | "locale">>,
  ): SandboxUser {
    Object.assign(user, patch);
    this.onChange({ t: "user", user });
    return user;
  }

  /** Channels were created, renamed, deleted or had their overwrites changed. */
  channelsChanged(): void {
    this.onChange({ t: "channels", channels: this.channels });
  }

  /** A role was created or changed (a server admin's doing: the control API). */
  rolesChanged(): void {
    this.onChange({ t: "roles", roles: this.roles });
  }

  setGuildLocale(locale: string): void {
    this.guildLocale = locale;
    this.onChange({ t: "guild", locale });
  }

  setBotPublic(on: boolean): void {
    this.botPublic = on;
    this.onChange({ t: "application", botPublic: on });
  }

  setMembersIntent(on: boolean): void {
    this.membersIntent = on;
    this.onChange({ t: "intents", members: on });
  }

  deleteMessage(id: string): void {
    this.messages.delete(id);
    this.onChange({ t: "delete", id });
  }

  // ---- users -------------------------------------------------------------------------------------------------

  addUser(
    username: string,
    roles: string[],
    options: { inGuild?: boolean; joinedAt?: string; locale?: string } = {},
  ): SandboxUser {
    const user: SandboxUser = {
      id: snowflake(),
      username,
      roles,
      bot: false,
      joinedAt: options.joinedAt ?? new Date().toISOString(),
      inGuild: options.inGuild ?? true,
      ...(options.locale ? { locale: options.locale } : {}),
    };
    this.users.set(user.id, user);
    this.onChange({ t: "user", user });
    return user;
  }

  /** The bot and every user who is in the guild, oldest first. */
  guildMembers(): SandboxUser[] {
    return [this.botUser, ...[...this.users.values()].filter((u) => u.inGuild)];
  }

  findUser(nameOrId: string): SandboxUser | undefined {
    return this.users.get(nameOrId) ?? [...this.users.values()].find((u) => u.username === nameOrId);
  }

  /** The DM channel with a user, made the first time the bot asks for it and the same ever after (as on Discord). */
  openDm(user: SandboxUser): string {
    if (!user.dmChannelId) this.updateUser(user, { dmChannelId: snowflake() });
    return user.dmChannelId as string;
  }

  /** The user whose DM channel this is, if it is one. */
  userByDmChannel(channelId: string): SandboxUser | undefined {
    return [...this.users.values()].find((u) => u.dmChannelId !== undefined && u.dmChannelId === channelId);
  }

  apiDmChannel(user: SandboxUser): Json {
    const last = this.channelMessages(user.dmChannelId ?? "").at(-1);
    return {
      id: user.dmChannelId,
      type: 1,
      last_message_id: last?.id ?? null,
      flags: 0,
      recipients: [this.apiUser(user)],
    };
  }

  channelByName(nameOrId: string): SandboxChannel | undefined {
    return this.channels.find((c) => c.name === nameOrId || c.id === nameOrId);
  }

  roleByName(nameOrId: string): SandboxRole | undefined {
    return this.roles.find((r) => r.name === nameOrId || r.id === nameOrId);
  }

  // ---- API object shapes -------------------------------------------------------------------------------------

  apiUser(u: SandboxUser): Json {
    return {
      id: u.id,
      username: u.username,
      discriminator: u.bot ? "0001" : "0",
      global_name: u.bot ? null : u.username,
      avatar: null,
      public_flags: 0,
      flags: 0,
      primary_guild: null,
      ...(u.bot ? { bot: true } : {}),
    };
  }

  apiMember(u: SandboxUser): Json {
    return {
      user: this.apiUser(u),
      roles: u.roles.map((name) => this.roleByName(name)?.id).filter((id): id is string => id !== undefined),
      joined_at: u.joinedAt,
      nick: null,
      avatar: null,
      premium_since: null,
      deaf: false,
      mute: false,
      flags: 0,
      pending: false,
      permissions: u.roles.includes("Moderator") ? "2251799813685247" : "2248473465835073",
    };
  }

  apiChannel(c: SandboxChannel): Json {
    return {
      id: c.id,
      type: 0,
      name: c.name,
      guild_id: this.guildId,
      position: this.channels.indexOf(c),
      permission_overwrites: c.overwrites ?? [],
      nsfw: false,
      topic: null,
      last_message_id: null,
      rate_limit_per_user: 0,
      parent_id: null,
      flags: 0,
    };
  }

  apiRole(r: SandboxRole): Json {
    return {
      id: r.id,
      name: r.name,
      color: 0,
      colors: { primary_color: 0, secondary_color: null, tertiary_color: null },
      hoist: false,
      icon: null,
      unicode_emoji: null,
      position: r.position,
      permissions: r.permissions,
      managed: false,
      mentionable: r.mentionable ?? true,
      flags: 0,
    };
  }

  apiGuild(): Json {
    return {
      id: this.guildId,
      name: this.guildName,
      icon: null,
      splash: null,
      discovery_splash: null,
      owner_id: this.ownerId,
      afk_channel_id: null,
      afk_timeout: 300,
      verification_level: 0,
      default_message_notifications: 1,
      explicit_content_filter: 0,
      features: [],
      mfa_level: 0,
      system_channel_id: this.channels[0]?.id ?? null,
      system_channel_flags: 0,
      rules_channel_id: null,
      vanity_url_code: null,
      description: null,
      banner: null,
      premium_tier: 0,
      premium_subscription_count: 0,
      preferred_locale: this.guildLocale,
      public_updates_channel_id: null,
      nsfw_level: 0,
      premium_progress_bar_enabled: false,
      safety_alerts_channel_id: null,
      roles: this.roles.map((r) => this.apiRole(r)),
      emojis: [],
      stickers: [],
      // GUILD_CREATE extras
      joined_at: this.botUser.joinedAt,
      large: false,
      unavailable: false,
      member_count: this.guildMembers().length,
      members: this.guildMembers().map((u) => this.apiMember(u)),
      channels: this.channels.map((c) => this.apiChannel(c)),
      threads: [],
      presences: [],
      voice_states: [],
      stage_instances: [],
      guild_scheduled_events: [],
      soundboard_sounds: [],
      lazy: true,
      application_id: null,
      max_members: 500000,
      max_video_channel_users: 25,
      max_stage_video_channel_users: 50,
      nsfw: false,
      hub_type: null,
      latest_onboarding_question_id: null,
      incidents_data: null,
      home_header: null,
      version: 0,
      embedded_activities: [],
      activity_instances: [],
    };
  }

  apiMessage(m: StoredMessage): Json {
    const interaction = m.interactionId ? this.interactions.get(m.interactionId) : undefined;
    const user = interaction ? this.users.get(interaction.userId) : undefined;
    return {
      id: m.id,
      type: m.type,
      channel_id: m.channelId,
      author: this.apiUser(this.botUser),
      content: m.content,
      timestamp: m.createdAt,
      edited_timestamp: m.editedAt,
      tts: false,
      mention_everyone: m.mentions.everyone,
      mentions: m.mentions.users.flatMap((id) => {
        const u = this.users.get(id);
        return u ? [this.apiUser(u)] : [];
      }),
      mention_roles: m.mentions.roles,
      attachments: (m.attachments ?? []).map((a) => {
        const url = `${this.attachmentUrl}/${a.id}/${encodeURIComponent(a.filename)}`;
        return { id: a.id, filename: a.filename, size: a.size, url, proxy_url: url, content_type: a.contentType };
      }),
      embeds: m.embeds,
      components: m.components,
      ...(m.nonce !== undefined ? { nonce: m.nonce } : {}),
      pinned: false,
      flags: m.flags,
      ...(m.interactionId ? { application_id: this.applicationId, webhook_id: this.applicationId } : {}),
      ...(interaction && user
        ? {
            interaction_metadata: {
              id: interaction.id,
              type: interaction.type,
              user: this.apiUser(user),
              authorizing_integration_owners: { "0": this.guildId },
              ...(interaction.type === 3 ? { interacted_message_id: interaction.sourceMessageId ?? m.id } : {}),
              ...(interaction.type === 5
                ? {
                    triggering_interaction_metadata: {
                      id: interaction.id,
                      type: 2,
                      user: this.apiUser(user),
                      authorizing_integration_owners: { "0": this.guildId },
                    },
                  }
                : {}),
            },
          }
        : {}),
    };
  }

  // ---- messages ----------------------------------------------------------------------------------------------

  /**
   * The message the bot made in the channel with this nonce within the last few minutes, if any: Discord returns it
   * for a create with `enforce_nonce` instead of making a second one.
   */
  messageByNonce(channelId: string, nonce: string, now = Date.now()): StoredMessage | undefined {
    for (const m of this.messages.values()) {
      if (m.channelId === channelId && m.nonce === nonce && now - Date.parse(m.createdAt) <= NONCE_WINDOW_MS) return m;
    }
    return undefined;
  }

  createMessage(
    channelId: string,
    body: Json,
    extra: {
      interactionId?: string;
      visibleTo?: string;
      type?: number;
      loading?: boolean;
      files?: { filename: string; contentType: string; data: Buffer }[];
      /** What the bot may ping in the channel (its permissions there); absent: anything it asks. */
      mentionRights?: MentionRights;
    } = {},
  ): StoredMessage {
    const flags = Number(body.flags ?? 0) | (extra.loading ? FLAG_LOADING : 0);
    const content = typeof body.content === "string" ? body.content : "";
    const message: StoredMessage = {
      id: snowflake(),
      channelId,
      content,
      embeds: Array.isArray(body.embeds) ? body.embeds.map(normaliseEmbed) : [],
      components: Array.isArray(body.components) ? numberComponents(body.components) : [],
      flags,
      createdAt: new Date().toISOString(),
      editedAt: null,
      mentions: resolveMentions(content, body.allowed_mentions as never, extra.mentionRights),
      ephemeral: (flags & FLAG_EPHEMERAL) !== 0,
      type: extra.type ?? 0,
      ...(extra.interactionId ? { interactionId: extra.interactionId } : {}),
      ...(extra.visibleTo ? { visibleTo: extra.visibleTo } : {}),
      ...(typeof body.nonce === "string" || typeof body.nonce === "number" ? { nonce: String(body.nonce) } : {}),
      ...(extra.files && extra.files.length > 0
        ? {
            attachments: extra.files.map((f) => ({
              id: snowflake(),
              filename: f.filename,
              contentType: f.contentType,
              size: f.data.length,
              data: f.data.toString("base64"),
            })),
          }
        : {}),
    };
    this.messages.set(message.id, message);
    this.onChange({ t: "message", message });
    return message;
  }

  editMessage(message: StoredMessage, body: Json, mentionRights?: MentionRights): StoredMessage {
    if (typeof body.content === "string") message.content = body.content;
    if (Array.isArray(body.embeds)) message.embeds = body.embeds.map(normaliseEmbed);
    if (Array.isArray(body.components)) message.components = numberComponents(body.components);
    if (body.content !== undefined || body.allowed_mentions !== undefined) {
      message.mentions = resolveMentions(message.content, body.allowed_mentions as never, mentionRights);
    }
    message.flags &= ~FLAG_LOADING;
    message.editedAt = new Date().toISOString();
    this.onChange({ t: "message", message });
    return message;
  }

  channelMessages(channelId: string): StoredMessage[] {
    return [...this.messages.values()].filter((m) => m.channelId === channelId && !m.ephemeral);
  }
}

/** Discord gives every component of a stored message a numeric `id`, in display order, when the bot sets none. */
function numberComponents(components: unknown[]): unknown[] {
  const copy = structuredClone(components) as ComponentNode[];
  let next = 1;
  for (const c of walkComponents(copy)) {
    const node = c as ComponentNode & { id?: number };
    if (typeof node.id !== "number") node.id = next;
    next = Math.max(next, node.id) + 1;
  }
  return copy;
}

/** Discord fills in `type: "rich"` and `inline: false` on fields that do not say. */
function normaliseEmbed(embed: unknown): unknown {
  if (embed === null || typeof embed !== "object") return embed;
  const e = embed as { fields?: { inline?: boolean }[] };
  return {
    type: "rich",
    ...embed,
    ...(e.fields ? { fields: e.fields.map((f) => ({ ...f, inline: f.inline ?? false })) } : {}),
  };
}

export const MESSAGE_FLAGS = { EPHEMERAL: FLAG_EPHEMERAL, LOADING: FLAG_LOADING };
