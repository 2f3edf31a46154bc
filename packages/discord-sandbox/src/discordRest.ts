import { mentionRightsOf, PERMISSIONS, requireBotPermissions } from "./channelPermissions.ts";
import { unknownLocalization } from "./commandLocalizations.ts";
import { DiscordApiError } from "./discordApiError.ts";
import { RateLimits } from "./rateLimits.ts";
import {
  type Json,
  MESSAGE_FLAGS,
  type PendingInteraction,
  type RecordedResponse,
  type SandboxState,
  type SandboxUser,
  type StoredCommand,
  type StoredMessage,
} from "./sandboxState.ts";
import { snowflake } from "./snowflake.ts";

export interface RestResult {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

const INTERACTION_ACK_DEADLINE_MS = 3_000;
const INTERACTION_TOKEN_LIFETIME_MS = 15 * 60_000;

const notFound = (what: string, code: number) => new DiscordApiError(404, code, `Unknown ${what}`);

/**
 * The part of Discord's REST API v10 Steward uses, served from the sandbox's state. `path` is relative to /api/v10.
 */
export class DiscordRest {
  /** Message creates and edits, per channel (Discord's per-route buckets); the control API can change them. */
  readonly rateLimits = new RateLimits();
  /** How many calls were answered 429 (tests check a bot stays within the limits). */
  rateLimited = 0;

  constructor(
    private readonly state: SandboxState,
    private readonly onInteractionChange: (interaction: PendingInteraction) => void,
    private readonly gatewayUrl: () => string,
  ) {}

  handle(
    method: string,
    path: string,
    query: URLSearchParams,
    body: unknown,
    auth: string | undefined,
    files: { filename: string; contentType: string; data: Buffer }[] = [],
  ): RestResult {
    const interactionCallback = /^\/interactions\/(\d+)\/([^/]+)\/callback$/.exec(path);
    const webhook = /^\/webhooks\/(\d+)\/([^/]+)(?:\/messages\/([^/]+))?$/.exec(path);
    // Interaction callbacks and webhook calls authenticate with the interaction token, not the bot token.
    if (!interactionCallback && !webhook && auth !== `Bot ${this.state.botToken}`) {
      throw new DiscordApiError(401, 0, "401: Unauthorized");
    }
    const b = (body ?? {}) as Json;
    const s = this.state;
    let m: RegExpExecArray | null;

    if (method === "GET" && path === "/gateway/bot") return { status: 200, body: this.gatewayBot() };
    if (method === "GET" && path === "/gateway") return { status: 200, body: { url: this.gatewayUrl() } };
    if (method === "GET" && path === "/users/@me") {
      return {
        status: 200,
        body: { ...s.apiUser(s.botUser), mfa_enabled: false, locale: "en-US", verified: true, bot: true },
      };
    }
    if (method === "POST" && path === "/users/@me/channels") {
      // Opening a DM always works for a known user; whether a message may be sent is decided when it is sent.
      const user = typeof b.recipient_id === "string" ? s.users.get(b.recipient_id) : undefined;
      if (!user) throw notFound("User", 10013);
      s.openDm(user);
      return { status: 200, body: s.apiDmChannel(user) };
    }
    if (method === "GET" && path === "/users/@me/guilds") {
      // The one guild the bot is in, as the partial guild Discord lists (permissions: the bot's there).
      const roles = [s.guildId, ...s.botUser.roles].map((nameOrId) => s.roleByName(nameOrId));
      const permissions = roles.reduce((bits, r) => bits | BigInt(r?.permissions ?? "0"), 0n).toString();
      return {
        status: 200,
        body: [{ id: s.guildId, name: s.guildName, icon: null, banner: null, owner: false, permissions, features: [] }],
      };
    }
    if (method === "GET" && (path === "/applications/@me" || path === "/oauth2/applications/@me")) {
      return { status: 200, body: this.application() };
    }
    m = /^\/applications\/(\d+)\/commands$/.exec(path);
    if (m) {
      this.requireApplication(m[1]);
      if (method === "GET") return { status: 200, body: s.globalCommands };
      if (method === "PUT") {
        return { status: 200, body: s.setCommands("global", this.storeCommands(b as unknown as Json[], undefined)) };
      }
    }
    m = /^\/applications\/(\d+)\/guilds\/(\d+)\/commands$/.exec(path);
    if (m) {
      this.requireApplication(m[1]);
      if (m[2] !== s.guildId) throw notFound("Guild", 10004);
      if (method === "GET") return { status: 200, body: s.guildCommands };
      if (method === "PUT") {
        return { status: 200, body: s.setCommands("guild", this.storeCommands(b as unknown as Json[], s.guildId)) };
      }
    }
    if (interactionCallback && method === "POST") {
      return this.interactionCallback(interactionCallback[1] ?? "", interactionCallback[2] ?? "", b, query);
    }
    if (webhook) {
      const [, appId, token, messageRef] = webhook;
      this.requireApplication(appId);
      const interaction = this.interactionByToken(token ?? "");
      return this.webhookCall(method, interaction, messageRef, b);
    }
    m = /^\/guilds\/(\d+)\/members$/.exec(path);
    if (m && method === "GET") {
      if (m[1] !== s.guildId) throw notFound("Guild", 10004);
      // Without the Server Members intent (developer portal), Discord refuses the member list.
      if (!s.membersIntent) throw new DiscordApiError(403, 50001, "Missing Access");
      const limit = Number(query.get("limit") ?? 1);
      if (!Number.isInteger(limit) || limit < 1 || limit > 1000) {
        throw new DiscordApiError(400, 50035, "Invalid Form Body: limit must be between 1 and 1000");
      }
      const after = BigInt(query.get("after") ?? "0");
      const members = s
        .guildMembers()
        .filter((u) => BigInt(u.id) > after)
        .sort((a, b) => (BigInt(a.id) < BigInt(b.id) ? -1 : 1))
        .slice(0, limit);
      return {
        status: 200,
        body: members.map((u) => ({ ...s.apiMember(u), banner: null, communication_disabled_until: null })),
      };
    }
    m = /^\/channels\/(\d+)\/messages$/.exec(path);
    const dmUser = m ? s.userByDmChannel(m[1] ?? "") : undefined;
    if (dmUser) return this.directMessage(method, dmUser, query, b);
    m = /^\/channels\/(\d+)\/messages(?:\/(\d+))?$/.exec(path);
    if (m) {
      const channel = s.channelByName(m[1] ?? "");
      if (!channel) throw notFound("Channel", 10003);
      const messageId = m[2];
      if (!messageId && method === "POST") {
        const reply = b.message_reference !== undefined && b.message_reference !== null;
        // Replying to a message needs its history; embeds without Embed Links are dropped, as Discord does.
        const bits = requireBotPermissions(s, channel, [
          "SendMessages",
          ...(reply ? (["ReadMessageHistory"] as const) : []),
          ...(files.length > 0 ? (["AttachFiles"] as const) : []),
        ]);
        const limited = this.rateLimit(`create:${channel.id}`);
        if (limited.status === 429) return limited;
        checkNonce(b.nonce);
        // enforce_nonce: the same nonce within a few minutes is the same message, made once.
        const nonce = b.enforce_nonce === true && b.nonce !== undefined && b.nonce !== null ? String(b.nonce) : null;
        const earlier = nonce === null ? undefined : s.messageByNonce(channel.id, nonce);
        if (earlier) return { status: 200, body: s.apiMessage(earlier), headers: limited.headers };
        const body = (bits & PERMISSIONS.EmbedLinks) === 0n ? { ...b, embeds: [] } : b;
        this.requireMessageBody(body);
        return {
          status: 200,
          body: s.apiMessage(s.createMessage(channel.id, body, { files, mentionRights: mentionRightsOf(s, bits) })),
          headers: limited.headers,
        };
      }
      if (!messageId && method === "GET") {
        requireBotPermissions(s, channel, ["ReadMessageHistory"]);
        const limit = Math.min(100, Number(query.get("limit") ?? 50));
        const list = s.channelMessages(channel.id).reverse().slice(0, limit);
        return { status: 200, body: list.map((x) => s.apiMessage(x)) };
      }
      const bits = requireBotPermissions(s, channel, method === "GET" ? ["ReadMessageHistory"] : []);
      const message = messageId ? s.messages.get(messageId) : undefined;
      if (!message || message.channelId !== channel.id || message.ephemeral) throw notFound("Message", 10008);
      if (method === "GET") return { status: 200, body: s.apiMessage(message) };
      if (method === "PATCH") {
        const limited = this.rateLimit(`edit:${channel.id}`);
        if (limited.status === 429) return limited;
        const body = (bits & PERMISSIONS.EmbedLinks) === 0n && Array.isArray(b.embeds) ? { ...b, embeds: [] } : b;
        checkMessageLimits(body);
        return {
          status: 200,
          body: s.apiMessage(s.editMessage(message, body, mentionRightsOf(s, bits))),
          headers: limited.headers,
        };
      }
      if (method === "DELETE") {
        s.deleteMessage(message.id);
        return { status: 204 };
      }
    }
    throw new DiscordApiError(404, 0, `404: Not Found (the sandbox does not implement ${method} ${path})`);
  }

  /**
   * A DM channel's messages. As on Discord, a user who turned off DMs from the server's members, or who shares no
   * guild with the bot, cannot be sent one: 403 with code 50007 "Cannot send messages to this user".
   */
  private directMessage(method: string, user: SandboxUser, query: URLSearchParams, b: Json): RestResult {
    const s = this.state;
    const channelId = user.dmChannelId as string;
    if (method === "POST") {
      if (user.dmsClosed || !user.inGuild) throw new DiscordApiError(403, 50007, "Cannot send messages to this user");
      const limited = this.rateLimit(`create:${channelId}`);
      if (limited.status === 429) return limited;
      const nonce = b.enforce_nonce === true && b.nonce !== undefined && b.nonce !== null ? String(b.nonce) : null;
      const earlier = nonce === null ? undefined : s.messageByNonce(channelId, nonce);
      if (earlier) return { status: 200, body: s.apiMessage(earlier), headers: limited.headers };
      this.requireMessageBody(b);
      return { status: 200, body: s.apiMessage(s.createMessage(channelId, b)), headers: limited.headers };
    }
    if (method === "GET") {
      const limit = Math.min(100, Number(query.get("limit") ?? 50));
      const list = s.channelMessages(channelId).reverse().slice(0, limit);
      return { status: 200, body: list.map((x) => s.apiMessage(x)) };
    }
    throw new DiscordApiError(405, 0, "405: Method Not Allowed");
  }

  /** Takes one call from a bucket: Discord's rate-limit headers, or a 429 with retry_after when it is empty. */
  private rateLimit(bucket: string): RestResult & { headers: Record<string, string> } {
    const taken = this.rateLimits.take(bucket);
    if (taken.limit === 0) return { status: 200, headers: {} };
    const bucketHash = Buffer.from(bucket).toString("hex").slice(0, 32);
    if (!taken.ok) {
      this.rateLimited++;
      const retryAfter = taken.retryAfterMs / 1000;
      return {
        status: 429,
        body: { message: "You are being rate limited.", retry_after: retryAfter, global: false },
        headers: {
          "retry-after": String(Math.ceil(retryAfter)),
          "x-ratelimit-limit": String(taken.limit),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset-after": retryAfter.toFixed(3),
          "x-ratelimit-bucket": bucketHash,
          "x-ratelimit-scope": "user",
        },
      };
    }
    return {
      status: 200,
      headers: {
        "x-ratelimit-limit": String(taken.limit),
        "x-ratelimit-remaining": String(taken.remaining),
        "x-ratelimit-reset-after": (taken.resetAfterMs / 1000).toFixed(3),
        "x-ratelimit-bucket": bucketHash,
      },
    };
  }

  private gatewayBot() {
    return {
      url: this.gatewayUrl(),
      shards: 1,
      session_start_limit: { total: 1000, remaining: 999, reset_after: 86_400_000, max_concurrency: 1 },
    };
  }

  private application(): Json {
    const s = this.state;
    return {
      id: s.applicationId,
      name: "Steward",
      icon: null,
      description: "Steward sandbox application",
      type: null,
      bot: s.apiUser(s.botUser),
      is_monetized: false,
      is_verified: false,
      is_discoverable: false,
      bot_public: s.botPublic,
      bot_require_code_grant: false,
      verify_key: "0".repeat(64),
      flags: 0,
      flags_new: "0",
      redirect_uris: [],
      interactions_endpoint_url: null,
      role_connections_verification_url: null,
      owner: s.apiUser(s.botUser),
      approximate_guild_count: 1,
      approximate_user_install_count: 0,
      approximate_user_authorization_count: 0,
      explicit_content_filter: 0,
      team: null,
      eligible_oauth2_scopes: ["bot", "applications.commands"],
    };
  }

  private requireApplication(id: string | undefined): void {
    if (id !== this.state.applicationId) throw notFound("Application", 10002);
  }

  private storeCommands(definitions: Json[], guildId: string | undefined): StoredCommand[] {
    if (!Array.isArray(definitions)) throw new DiscordApiError(400, 50035, "Invalid Form Body: expected an array");
    const previous = guildId ? this.state.guildCommands : this.state.globalCommands;
    for (const def of definitions) {
      const problem = unknownLocalization(def);
      if (problem) throw new DiscordApiError(400, 50035, `Invalid Form Body: ${problem} is not a valid locale`);
    }
    return definitions.map((def) => {
      const name = String(def.name);
      const kept = previous.find((c) => c.name === name);
      return {
        id: kept?.id ?? snowflake(),
        application_id: this.state.applicationId,
        version: snowflake(),
        // Sent as a number or a string; Discord answers with the bitfield as a string.
        default_member_permissions:
          def.default_member_permissions === undefined || def.default_member_permissions === null
            ? null
            : String(def.default_member_permissions),
        type: (def.type as number | undefined) ?? 1,
        name,
        description: String(def.description ?? ""),
        // As Discord answers a bulk overwrite: the languages given for the name and description, else null.
        name_localizations: def.name_localizations ?? null,
        description_localizations: def.description_localizations ?? null,
        dm_permission: def.dm_permission ?? true,
        contexts: def.contexts ?? null,
        integration_types: def.integration_types ?? [0],
        nsfw: def.nsfw ?? false,
        ...(def.options ? { options: def.options } : {}),
        ...(guildId ? { guild_id: guildId } : {}),
      };
    });
  }

  private requireMessageBody(b: Json): void {
    const hasContent = typeof b.content === "string" && b.content.length > 0;
    const hasEmbeds = Array.isArray(b.embeds) && b.embeds.length > 0;
    const hasComponents = Array.isArray(b.components) && b.components.length > 0;
    if (!hasContent && !hasEmbeds && !hasComponents)
      throw new DiscordApiError(400, 50006, "Cannot send an empty message");
    checkMessageLimits(b);
  }

  private interactionByToken(token: string): PendingInteraction {
    const interaction = [...this.state.interactions.values()].find((i) => i.token === token);
    if (!interaction || Date.now() + this.state.clockOffsetMs - interaction.createdAt > INTERACTION_TOKEN_LIFETIME_MS) {
      throw notFound("Webhook", 10015);
    }
    return interaction;
  }

  private interactionCallback(id: string, token: string, b: Json, query: URLSearchParams): RestResult {
    const interaction = this.state.interactions.get(id);
    if (!interaction || interaction.token !== token) throw notFound("interaction", 10062);
    if (interaction.acknowledged) throw new DiscordApiError(400, 40060, "Interaction has already been acknowledged.");
    if (Date.now() - interaction.createdAt > INTERACTION_ACK_DEADLINE_MS) throw notFound("interaction", 10062);
    const type = Number(b.type);
    const data = (b.data ?? {}) as Json;
    const s = this.state;
    let message: StoredMessage | undefined;
    let response: RecordedResponse;
    switch (type) {
      case 4:
      case 5: {
        if (type === 4) this.requireMessageBody(data);
        const ephemeral = (Number(data.flags ?? 0) & MESSAGE_FLAGS.EPHEMERAL) !== 0;
        message = s.createMessage(interaction.channelId, type === 4 ? data : { flags: data.flags }, {
          interactionId: interaction.id,
          type: 20,
          loading: type === 5,
          ...(ephemeral ? { visibleTo: interaction.userId } : {}),
        });
        interaction.originalMessageId = message.id;
        response = recorded(type === 4 ? "reply" : "defer", message);
        interaction.deferred = type === 5;
        interaction.final = type === 4;
        break;
      }
      case 6:
      case 7: {
        const source = interaction.sourceMessageId ? s.messages.get(interaction.sourceMessageId) : undefined;
        if (!source)
          throw new DiscordApiError(400, 50035, "Invalid Form Body: this interaction has no message to update");
        interaction.originalMessageId = source.id;
        if (type === 7) {
          checkMessageLimits(data);
          message = s.editMessage(source, data);
          response = recorded("update", message);
          interaction.final = true;
        } else {
          message = source;
          response = { ...recorded("defer", source), kind: "defer" };
          interaction.deferred = true;
        }
        break;
      }
      case 9: {
        interaction.modal = data;
        response = {
          kind: "modal",
          content: "",
          embeds: [],
          components: (data.components as unknown[]) ?? [],
          ephemeral: true,
          customId: String(data.custom_id ?? ""),
          title: String(data.title ?? ""),
        };
        interaction.final = true;
        break;
      }
      default:
        throw new DiscordApiError(
          400,
          50035,
          `Invalid Form Body: interaction response type ${type} is not supported here`,
        );
    }
    interaction.acknowledged = true;
    interaction.acknowledgedAt = Date.now();
    interaction.responses.push(response);
    this.onInteractionChange(interaction);
    if (query.get("with_response") !== "true") return { status: 204 };
    return {
      status: 200,
      body: {
        interaction: {
          id: interaction.id,
          type: interaction.type,
          response_message_id: message?.id,
          response_message_loading: type === 5,
          response_message_ephemeral: message?.ephemeral ?? false,
        },
        ...(message ? { resource: { type, message: s.apiMessage(message) } } : { resource: { type } }),
      },
    };
  }

  private webhookCall(method: string, interaction: PendingInteraction, ref: string | undefined, b: Json): RestResult {
    const s = this.state;
    if (!interaction.acknowledged) throw notFound("Webhook", 10015);
    if (ref === undefined) {
      if (method !== "POST") throw new DiscordApiError(405, 0, "405: Method Not Allowed");
      this.requireMessageBody(b);
      const ephemeral = (Number(b.flags ?? 0) & MESSAGE_FLAGS.EPHEMERAL) !== 0;
      const message = s.createMessage(interaction.channelId, b, {
        interactionId: interaction.id,
        type: 0,
        ...(ephemeral ? { visibleTo: interaction.userId } : {}),
      });
      interaction.responses.push(recorded("followup", message));
      this.onInteractionChange(interaction);
      return { status: 200, body: s.apiMessage(message) };
    }
    const messageId = ref === "@original" ? interaction.originalMessageId : ref;
    const message = messageId ? s.messages.get(messageId) : undefined;
    if (!message) throw notFound("Message", 10008);
    if (method === "GET") return { status: 200, body: s.apiMessage(message) };
    if (method === "DELETE") {
      s.deleteMessage(message.id);
      return { status: 204 };
    }
    if (method === "PATCH") {
      checkMessageLimits(b);
      s.editMessage(message, b);
      interaction.responses.push(recorded("edit", message));
      // A deferred reply is final when its edit arrives, unless that edit is a progress note: text ending in "…"
      // with no embeds or components (the convention Steward's handlers follow for long work).
      if (ref === "@original" && interaction.deferred && !isProgressNote(message)) interaction.final = true;
      this.onInteractionChange(interaction);
      return { status: 200, body: s.apiMessage(message) };
    }
    throw new DiscordApiError(405, 0, "405: Method Not Allowed");
  }
}

/** A message nonce as Discord takes it: an integer, or a string of at most 25 characters (else 50035). */
function checkNonce(nonce: unknown): void {
  if (nonce === undefined || nonce === null || Number.isSafeInteger(nonce)) return;
  if (typeof nonce === "string" && nonce.length <= 25) return;
  throw new DiscordApiError(
    400,
    50035,
    "Invalid Form Body: nonce must be an integer or a string of 25 or fewer characters.",
  );
}

function isProgressNote(m: StoredMessage): boolean {
  return m.content.trimEnd().endsWith("…") && m.embeds.length === 0 && m.components.length === 0;
}

function recorded(kind: RecordedResponse["kind"], m: StoredMessage): RecordedResponse {
  return {
    kind,
    messageId: m.id,
    content: m.content,
    embeds: structuredClone(m.embeds),
    components: structuredClone(m.components),
    ephemeral: m.ephemeral,
    mentions: structuredClone(m.mentions),
  };
}

/**
 * Discord's limits on a message body, applied to creates, edits, updates and follow-ups alike (Discord answers
 * 50035 Invalid Form Body): content 2,000; 10 embeds; title 256, description 4,096, 25 fields of name 256 and
 * value 1,024, footer 2,048, author 256, and 6,000 characters over all embeds of the message.
 */
export function checkMessageLimits(b: Json): void {
  const invalid = (what: string) => new DiscordApiError(400, 50035, `Invalid Form Body: ${what}`);
  if (typeof b.content === "string" && b.content.length > 2000)
    throw invalid("content must be 2000 or fewer in length.");
  if (!Array.isArray(b.embeds)) return;
  if (b.embeds.length > 10) throw invalid("embeds must be 10 or fewer in length.");
  let total = 0;
  const text = (v: unknown) => (typeof v === "string" ? v : "");
  for (const [i, raw] of b.embeds.entries()) {
    const e = (raw ?? {}) as Json;
    const check = (field: string, value: string, max: number) => {
      if (value.length > max) throw invalid(`embeds.${i}.${field} must be ${max} or fewer in length.`);
      total += value.length;
    };
    check("title", text(e.title), 256);
    check("description", text(e.description), 4096);
    check("footer.text", text((e.footer as Json | undefined)?.text), 2048);
    check("author.name", text((e.author as Json | undefined)?.name), 256);
    const fields = Array.isArray(e.fields) ? (e.fields as Json[]) : [];
    if (fields.length > 25) throw invalid(`embeds.${i}.fields must be 25 or fewer in length.`);
    for (const [k, f] of fields.entries()) {
      check(`fields.${k}.name`, text(f.name), 256);
      check(`fields.${k}.value`, text(f.value), 1024);
    }
  }
  if (total > 6000)
    throw invalid(`embeds: the total size of all embeds must be 6000 or fewer characters (it is ${total}).`);
}
