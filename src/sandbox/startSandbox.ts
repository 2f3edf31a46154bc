import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { join } from "node:path";
import { SECURITY_HEADERS } from "../securityHeaders.ts";
import { readStaticPages } from "../staticPages.ts";
import {
  buildCommandInteraction,
  buildComponentInteraction,
  buildModalInteraction,
  newPendingInteraction,
  SandboxInputError,
} from "./buildInteraction.ts";
import { bitsOf, botPermissions, isPermissionName, namesOf, PERMISSIONS } from "./channelPermissions.ts";
import { DiscordApiError } from "./discordApiError.ts";
import { DiscordRest, type RestResult } from "./discordRest.ts";
import { SandboxGateway } from "./gateway.ts";
import { isLoopbackHost, refuseForeignRequest, sandboxHostnames } from "./refuseForeignRequest.ts";
import { FaultInputError, faultBody, RestFaults } from "./restFaults.ts";
import { openSandboxJournal } from "./sandboxJournal.ts";
import {
  type Json,
  type PendingInteraction,
  ROLE_NAMES,
  type SandboxChannel,
  type SandboxRole,
  SandboxState,
  type SandboxUser,
  type StoredMessage,
} from "./sandboxState.ts";
import { snowflake } from "./snowflake.ts";
import type { SpecValidator, SpecViolation } from "./specValidator.ts";

/** The browser client (src/sandbox/web): served as files, it talks to the same control API as tests and the terminal. */
const WEB_CLIENT = readStaticPages(join(import.meta.dirname, "web"), {
  "/": "index.html",
  "/web/sandbox.js": "sandbox.js",
  "/web/sandbox.css": "sandbox.css",
});

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** When given, every REST body in and out is checked against Discord's OpenAPI spec; failures are collected. */
  validator?: SpecValidator | undefined;
  log?: (line: string) => void;
  /** Where lines that report no problem go ("sandbox restored from …"); `log` when absent. */
  info?: (line: string) => void;
  /** Keeps the guild, users and messages in this file across restarts (default: in memory only). */
  stateFile?: string | undefined;
}

export interface Sandbox {
  url: string;
  /** What discord.js's `rest.api` option takes. */
  apiUrl: string;
  token: string;
  applicationId: string;
  guildId: string;
  state: SandboxState;
  gateway: SandboxGateway;
  violations: SpecViolation[];
  close(): Promise<void>;
}

const DEFAULT_WAIT_MS = 10_000;
const MAX_BODY = 1_000_000;

/** A control API answer that created something (HTTP 201). */
class Created {
  constructor(readonly body: unknown) {}
}

/** A text channel name as Discord allows it: lowercase, 1-100 characters, no spaces. */
function channelNameFrom(value: unknown): string {
  const name = typeof value === "string" ? value.trim().replace(/^#/, "") : "";
  if (!/^[a-z0-9_-]{1,100}$/.test(name)) {
    throw new HttpError(
      400,
      'Give the channel "name": 1-100 lowercase letters, digits, - or _ (as Discord names text channels).',
    );
  }
  return name;
}

class HttpError extends Error {
  constructor(
    readonly status: number,
    message: string,
  ) {
    super(message);
  }
}

/** Starts the local Discord: REST API under /api/v10, the gateway under /gateway, the control API under /sandbox. */
export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const state = options.stateFile
    ? openSandboxJournal(options.stateFile, options.info ?? options.log)
    : new SandboxState();
  const violations: SpecViolation[] = [];
  let baseUrl = "";
  // The port is known only once listening; both the gateway (resume URL) and REST (gateway/bot) ask then.
  const gatewayUrl = () => `${baseUrl.replace(/^http/, "ws")}/gateway`;
  const gateway = new SandboxGateway(state, gatewayUrl);
  const rest = new DiscordRest(state, (interaction) => settle(interaction), gatewayUrl);
  // Discord's own failures, injected through the control API: 5xx answers and calls that hang past a timeout.
  const faults = new RestFaults((nameOrId) => state.channelByName(nameOrId)?.id);

  function settle(interaction: PendingInteraction) {
    if (!interaction.final) return;
    for (const w of interaction.waiters.splice(0)) w();
  }

  function recordViolation(v: SpecViolation | undefined) {
    if (!v) return;
    violations.push(v);
    options.log?.(`spec violation: ${v.direction} ${v.method} ${v.path}: ${v.errors.join("; ")}`);
  }

  async function dispatchInteraction(p: PendingInteraction, payload: Json, waitMs: number) {
    if (!gateway.connected) throw new HttpError(503, "The bot is not connected to the sandbox gateway yet.");
    state.interactions.set(p.id, p);
    const done = new Promise<void>((resolve) => {
      p.waiters.push(resolve);
      setTimeout(resolve, waitMs).unref();
    });
    gateway.dispatch("INTERACTION_CREATE", payload);
    await done;
    return { interactionId: p.id, responses: p.responses, ...(p.final ? {} : { complete: false }) };
  }

  function userFrom(body: Json) {
    const name = typeof body.user === "string" ? body.user : "";
    if (name === "") throw new HttpError(400, 'Give the acting user as "user": a username or id.');
    const user = state.findUser(name);
    if (!user)
      throw new HttpError(404, `There is no user "${name}" in the sandbox. Create one with POST /sandbox/users.`);
    // As on Discord: people outside the guild see none of its commands, messages, buttons or menus.
    if (!user.inGuild) {
      throw new HttpError(
        403,
        `${user.username} is not a member of the sandbox guild, and Discord shows a guild's commands, buttons and menus only to its members. Add them with POST /sandbox/users {"username":"${user.username}","inGuild":true}.`,
      );
    }
    return user;
  }

  function waitMsFrom(body: Json): number {
    const w = body.waitMs === undefined ? DEFAULT_WAIT_MS : Number(body.waitMs);
    if (!Number.isFinite(w) || w < 0 || w > 120_000)
      throw new HttpError(400, "waitMs must be a number of milliseconds between 0 and 120000.");
    return w;
  }

  function visibleMessage(id: string, userId: string): StoredMessage {
    const message = state.messages.get(id);
    if (!message || (message.ephemeral && message.visibleTo !== userId)) {
      throw new HttpError(404, `There is no message ${id} that this user can see.`);
    }
    return message;
  }

  function publicMessage(m: StoredMessage) {
    return {
      id: m.id,
      content: m.content,
      embeds: m.embeds,
      components: m.components,
      editedAt: m.editedAt,
      createdAt: m.createdAt,
      mentions: m.mentions,
      attachments: (m.attachments ?? []).map((a) => ({
        id: a.id,
        filename: a.filename,
        size: a.size,
        url: `${state.attachmentUrl}/${a.id}/${encodeURIComponent(a.filename)}`,
      })),
      ...(m.interactionId ? { interactionId: m.interactionId } : {}),
    };
  }

  const channelShape = (c: SandboxChannel) => ({
    id: c.id,
    name: c.name,
    botPermissions: namesOf(botPermissions(state, c)),
    overwrites: c.overwrites ?? [],
  });

  /** A server admin's changes to one channel: the bot's overwrite, a new name, or deleting it. */
  function channelControl(method: string, nameOrId: string, permissions: boolean, body: Json) {
    const channel = state.channelByName(nameOrId);
    if (!channel) {
      throw new HttpError(
        404,
        `There is no channel "${nameOrId}". Channels: ${state.channels.map((c) => c.name).join(", ")}.`,
      );
    }
    if (permissions && method === "PUT") {
      const list = (v: unknown, what: string) => {
        if (v === undefined) return [];
        if (!Array.isArray(v) || !v.every(isPermissionName)) {
          throw new HttpError(
            400,
            `"${what}" must be a list of permission names from: ${Object.keys(PERMISSIONS).join(", ")}.`,
          );
        }
        return v;
      };
      const allow = list(body.allow, "allow");
      const deny = list(body.deny, "deny");
      const others = (channel.overwrites ?? []).filter((o) => !(o.type === 1 && o.id === state.botUser.id));
      channel.overwrites =
        allow.length + deny.length === 0
          ? others
          : [
              ...others,
              { id: state.botUser.id, type: 1, allow: bitsOf(allow).toString(), deny: bitsOf(deny).toString() },
            ];
      state.channelsChanged();
      gateway.dispatch("CHANNEL_UPDATE", state.apiChannel(channel));
      return channelShape(channel);
    }
    if (!permissions && method === "PATCH") {
      channel.name = channelNameFrom(body.name);
      state.channelsChanged();
      gateway.dispatch("CHANNEL_UPDATE", state.apiChannel(channel));
      return channelShape(channel);
    }
    if (!permissions && method === "DELETE") {
      state.channels = state.channels.filter((c) => c !== channel);
      state.channelsChanged();
      gateway.dispatch("CHANNEL_DELETE", state.apiChannel(channel));
      return { deleted: channel.name };
    }
    if (!permissions && method === "GET") return channelShape(channel);
    throw new HttpError(
      404,
      `The sandbox control API has no ${method} on a channel${permissions ? "'s permissions" : ""}.`,
    );
  }

  /**
   * A user's DMs from the bot: GET lists them (and whether the user takes DMs); PUT {"open": false} closes the
   * user's DMs, as the "Direct Messages" privacy setting does on Discord (the bot's DMs then fail with 50007).
   */
  function dmControl(method: string, nameOrId: string, body: Json) {
    const user = state.findUser(nameOrId);
    if (!user) throw new HttpError(404, `There is no user "${nameOrId}" in the sandbox.`);
    if (method === "PUT") {
      if (typeof body.open !== "boolean") {
        throw new HttpError(400, 'Give "open": true or false (false: the user does not take DMs from the bot: 50007).');
      }
      state.updateUser(user, { dmsClosed: !body.open });
    } else if (method !== "GET") {
      throw new HttpError(404, `The sandbox control API has no ${method} on a user's DMs.`);
    }
    return {
      user: user.username,
      open: !user.dmsClosed,
      channelId: user.dmChannelId ?? null,
      messages: user.dmChannelId ? state.channelMessages(user.dmChannelId).map(publicMessage) : [],
    };
  }

  /**
   * A server admin's roles: POST creates one (a name another role already has is allowed, as on Discord), PATCH
   * renames it or sets whether anyone may @mention it. Given by id, or by a name only one role carries.
   */
  function roleControl(method: string, nameOrId: string | undefined, body: Json) {
    const shape = (r: SandboxRole) => ({ id: r.id, name: r.name, mentionable: r.mentionable ?? true });
    if (body.mentionable !== undefined && typeof body.mentionable !== "boolean") {
      throw new HttpError(400, '"mentionable" must be true or false ("Allow anyone to @mention this role").');
    }
    const nameOf = (v: unknown) => {
      const name = typeof v === "string" ? v.trim() : "";
      if (name === "" || name.length > 100 || name === "@everyone") {
        throw new HttpError(400, 'Give the role\'s "name": 1-100 characters, not @everyone.');
      }
      return name;
    };
    if (nameOrId === undefined && method === "POST") {
      // Discord makes a new role not mentionable unless asked.
      const role: SandboxRole = {
        id: snowflake(),
        name: nameOf(body.name),
        position: state.roles.length,
        permissions: "0",
        mentionable: body.mentionable === true,
      };
      state.roles.push(role);
      state.rolesChanged();
      gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: state.guildId, role: state.apiRole(role) });
      return new Created(shape(role));
    }
    if (nameOrId === undefined && method === "GET") return state.roles.filter((r) => r.id !== state.guildId).map(shape);
    const matches = state.roles.filter((r) => r.id !== state.guildId && (r.id === nameOrId || r.name === nameOrId));
    if (matches.length > 1) {
      throw new HttpError(
        409,
        `${matches.length} roles are named "${nameOrId}": give the role's id (GET /sandbox/roles).`,
      );
    }
    const role = matches[0];
    if (!role) throw new HttpError(404, `There is no role "${nameOrId}".`);
    if (method === "PATCH") {
      if (body.name !== undefined) role.name = nameOf(body.name);
      if (body.mentionable !== undefined) role.mentionable = body.mentionable as boolean;
      state.rolesChanged();
      gateway.dispatch("GUILD_ROLE_UPDATE", { guild_id: state.guildId, role: state.apiRole(role) });
      return shape(role);
    }
    if (method === "GET") return shape(role);
    throw new HttpError(404, `The sandbox control API has no ${method} on a role.`);
  }

  async function control(method: string, path: string, query: URLSearchParams, body: Json): Promise<unknown> {
    const route = `${method} ${path}`;
    switch (route) {
      case "GET /sandbox/state":
        return {
          guildId: state.guildId,
          channels: state.channels.map(channelShape),
          intents: { members: state.membersIntent },
          rateLimited: rest.rateLimited,
          rateLimits: {
            perWindow: rest.rateLimits.settings.perWindow,
            windowSeconds: rest.rateLimits.settings.windowMs / 1000,
          },
          roles: state.roles
            .filter((r) => r.name !== "@everyone")
            .map(({ id, name, mentionable }) => ({ id, name, mentionable: mentionable ?? true })),
          application: { botPublic: state.botPublic },
          users: [...state.users.values()].map(({ id, username, roles, inGuild, joinedAt }) => ({
            id,
            username,
            roles,
            inGuild,
            joinedAt,
          })),
        };
      case "POST /sandbox/users": {
        const username = typeof body.username === "string" ? body.username.trim() : "";
        if (!/^[^@#:`\s][^@#:`]{0,31}$/.test(username) || /^\d+$/.test(username)) {
          throw new HttpError(400, "username must be 1-32 characters, not only digits, without @ # : or `.");
        }
        const roles = body.roles === undefined ? undefined : body.roles;
        // A role made with POST /sandbox/roles is given by its id: its name may be another role's too.
        const knownRole = (r: unknown) =>
          (ROLE_NAMES as readonly string[]).includes(String(r)) ||
          state.roles.some((x) => x.id === String(r) && x.id !== state.guildId);
        if (roles !== undefined && (!Array.isArray(roles) || !roles.every(knownRole))) {
          throw new HttpError(
            400,
            `roles must be a list of role names from: ${ROLE_NAMES.join(", ")}, or ids of roles made with POST /sandbox/roles.`,
          );
        }
        if (body.inGuild !== undefined && typeof body.inGuild !== "boolean") {
          throw new HttpError(400, "inGuild must be true or false (false: a Discord user who is not in the guild).");
        }
        const joinedAt = body.joinedAt;
        if (joinedAt !== undefined && (typeof joinedAt !== "string" || Number.isNaN(Date.parse(joinedAt)))) {
          throw new HttpError(
            400,
            "joinedAt must be an ISO date such as 2026-01-31T12:00:00Z (when the user joined the guild).",
          );
        }
        const options = {
          ...(body.inGuild !== undefined ? { inGuild: body.inGuild as boolean } : {}),
          ...(joinedAt !== undefined ? { joinedAt: new Date(joinedAt as string).toISOString() } : {}),
        };
        const shape = (u: SandboxUser) => ({
          id: u.id,
          username: u.username,
          roles: u.roles,
          inGuild: u.inGuild,
          joinedAt: u.joinedAt,
        });
        // Creating an existing user is not an error: it returns that user, with the roles and options given applied.
        const existing = state.findUser(username);
        if (existing) {
          return shape(state.updateUser(existing, { ...(roles ? { roles: roles.map(String) } : {}), ...options }));
        }
        const user = state.addUser(username, (roles ?? []).map(String), options);
        return new Created(shape(user));
      }
      case "POST /sandbox/users/bulk": {
        // Many guild members at once (a large server whose members mostly never use Steward): prefix1 … prefixN.
        const prefix = typeof body.prefix === "string" ? body.prefix.trim() : "";
        const count = body.count;
        if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000) {
          throw new HttpError(400, "count must be a whole number from 1 to 100000.");
        }
        if (!/^[^@#:`\s\d][^@#:`]*$/.test(prefix) || prefix.length + String(count).length > 32) {
          throw new HttpError(
            400,
            "prefix must start with a letter, have no @ # : or `, and leave room for the number (32 characters in all).",
          );
        }
        const roles = body.roles === undefined ? [] : body.roles;
        // As for one user: the built-in roles by name, a role made with POST /sandbox/roles by its id.
        const knownRole = (r: unknown) =>
          (ROLE_NAMES as readonly string[]).includes(String(r)) ||
          state.roles.some((x) => x.id === String(r) && x.id !== state.guildId);
        if (!Array.isArray(roles) || !roles.every(knownRole)) {
          throw new HttpError(
            400,
            `roles must be a list of role names from: ${ROLE_NAMES.join(", ")}, or ids of roles made with POST /sandbox/roles.`,
          );
        }
        const joinedAt = body.joinedAt;
        if (joinedAt !== undefined && (typeof joinedAt !== "string" || Number.isNaN(Date.parse(joinedAt)))) {
          throw new HttpError(400, "joinedAt must be an ISO date such as 2026-01-31T12:00:00Z.");
        }
        const taken = new Set([...state.users.values()].map((u) => u.username));
        let created = 0;
        for (let n = 1; n <= count; n++) {
          const username = `${prefix}${n}`;
          // Users that exist already are left as they are.
          if (taken.has(username)) continue;
          state.addUser(username, roles.map(String), {
            ...(joinedAt !== undefined ? { joinedAt: new Date(joinedAt as string).toISOString() } : {}),
          });
          created++;
        }
        return new Created({ created, existing: count - created, first: `${prefix}1`, last: `${prefix}${count}` });
      }
      case "POST /sandbox/interactions": {
        const user = userFrom(body);
        const channelName = typeof body.channel === "string" ? body.channel : "general";
        const channel = state.channelByName(channelName);
        if (!channel) throw new HttpError(404, `There is no channel "${channelName}".`);
        if (typeof body.command !== "string" || body.command.trim() === "") {
          throw new HttpError(400, 'Give the command as "command", e.g. "contribute submit".');
        }
        const optionsGiven = (body.options ?? {}) as Record<string, unknown>;
        if (typeof optionsGiven !== "object" || Array.isArray(optionsGiven)) {
          throw new HttpError(400, '"options" must be an object of option name to value.');
        }
        const p = newPendingInteraction(2, user, channel);
        const payload = buildCommandInteraction(state, p, user, channel, body.command, optionsGiven);
        return dispatchInteraction(p, payload, waitMsFrom(body));
      }
      case "POST /sandbox/components": {
        const user = userFrom(body);
        const message = visibleMessage(String(body.messageId ?? ""), user.id);
        const channel = state.channelByName(message.channelId);
        if (!channel) throw new HttpError(404, "That message's channel no longer exists.");
        if (
          body.values !== undefined &&
          (!Array.isArray(body.values) || body.values.some((v) => typeof v !== "string"))
        ) {
          throw new HttpError(400, '"values" must be a list of strings.');
        }
        const p = newPendingInteraction(3, user, channel, message.id);
        const payload = buildComponentInteraction(
          state,
          p,
          user,
          channel,
          message,
          String(body.customId ?? ""),
          body.values as string[] | undefined,
        );
        return dispatchInteraction(p, payload, waitMsFrom(body));
      }
      case "POST /sandbox/modals": {
        const user = userFrom(body);
        const opener = [...state.interactions.values()]
          .filter((i) => i.modal && i.userId === user.id)
          .filter((i) => (body.interactionId ? i.id === body.interactionId : true))
          .filter((i) => (body.messageId ? i.sourceMessageId === body.messageId : true))
          .at(-1);
        if (!opener?.modal)
          throw new HttpError(404, "No modal is open for this user (check interactionId or messageId).");
        const channel = state.channelByName(opener.channelId);
        if (!channel) throw new HttpError(404, "That modal's channel no longer exists.");
        const fields = (body.fields ?? {}) as Record<string, string>;
        const message = opener.sourceMessageId ? state.messages.get(opener.sourceMessageId) : undefined;
        const p = newPendingInteraction(5, user, channel, message?.id);
        const payload = buildModalInteraction(
          state,
          p,
          user,
          channel,
          opener.modal,
          String(body.customId ?? ""),
          fields,
          message,
        );
        opener.modal = undefined;
        return dispatchInteraction(p, payload, waitMsFrom(body));
      }
      case "GET /sandbox/messages": {
        const name = query.get("channel") ?? "";
        const channel = state.channelByName(name);
        if (!channel) {
          throw new HttpError(
            404,
            `There is no channel "${name}". Channels: ${state.channels.map((c) => c.name).join(", ")}.`,
          );
        }
        return state.channelMessages(channel.id).map(publicMessage);
      }
      case "GET /sandbox/commands":
        return [...state.guildCommands, ...state.globalCommands];
      case "GET /sandbox/violations":
        return violations;
      case "POST /sandbox/channels": {
        const name = channelNameFrom(body.name);
        if (state.channelByName(name)) throw new HttpError(409, `There is already a channel "${name}".`);
        const channel = { id: snowflake(), name };
        state.channels.push(channel);
        state.channelsChanged();
        gateway.dispatch("CHANNEL_CREATE", state.apiChannel(channel));
        return new Created(channelShape(channel));
      }
      case "PUT /sandbox/intents": {
        if (typeof body.members !== "boolean") {
          throw new HttpError(
            400,
            'Give "members": true or false (the Server Members intent, as in the developer portal).',
          );
        }
        state.setMembersIntent(body.members);
        return { members: state.membersIntent };
      }
      case "PUT /sandbox/rate-limits": {
        const perWindow = body.perWindow;
        const windowSeconds = body.windowSeconds ?? rest.rateLimits.settings.windowMs / 1000;
        if (
          !Number.isInteger(perWindow) ||
          (perWindow as number) < 0 ||
          typeof windowSeconds !== "number" ||
          !(windowSeconds > 0)
        ) {
          throw new HttpError(
            400,
            'Give "perWindow" (a whole number of message creates or edits per channel; 0 turns limits off) and optionally "windowSeconds" (> 0). Discord: 5 per 5 seconds.',
          );
        }
        rest.rateLimits.settings = { perWindow: perWindow as number, windowMs: windowSeconds * 1000 };
        return { perWindow, windowSeconds };
      }
      case "POST /sandbox/clock": {
        const seconds = body.advanceSeconds;
        if (typeof seconds !== "number" || !(seconds > 0) || seconds > 86_400) {
          throw new HttpError(
            400,
            'Give "advanceSeconds": how far to move the clock (1 to 86400), e.g. 900 to expire interaction tokens.',
          );
        }
        state.clockOffsetMs += seconds * 1000;
        return { advancedSeconds: state.clockOffsetMs / 1000 };
      }
      case "POST /sandbox/gateway/reconnect":
        gateway.requestReconnect();
        return { ok: true };
      case "POST /sandbox/gateway/invalidate":
        gateway.invalidateSessions();
        return { ok: true };
      case "POST /sandbox/gateway/outage": {
        const seconds = body.seconds;
        if (typeof seconds !== "number" || !(seconds > 0) || seconds > 3600) {
          throw new HttpError(
            400,
            'Give "seconds" (up to 3600): how long the gateway drops every connection and refuses new ones (REST still answers).',
          );
        }
        gateway.startOutage(seconds * 1000);
        return { down: true, seconds };
      }
      case "DELETE /sandbox/gateway/outage":
        gateway.endOutage();
        return { down: false };
      case "GET /sandbox/faults":
        return faults.list();
      case "POST /sandbox/faults":
        try {
          return new Created(faults.add(body));
        } catch (error) {
          if (error instanceof FaultInputError) throw new HttpError(400, error.message);
          throw error;
        }
      case "DELETE /sandbox/faults":
        return { cleared: faults.clear() };
      default: {
        const channelRoute = /^\/sandbox\/channels\/([^/]+)(\/permissions)?$/.exec(path);
        if (channelRoute)
          return channelControl(method, decodeURIComponent(channelRoute[1] ?? ""), !!channelRoute[2], body);
        const messageRoute = /^\/sandbox\/messages\/(\d+)$/.exec(path);
        if (messageRoute && method === "DELETE") {
          const message = state.messages.get(messageRoute[1] ?? "");
          if (!message || message.ephemeral)
            throw new HttpError(404, `There is no message ${messageRoute[1]} in a channel.`);
          state.deleteMessage(message.id);
          return { deleted: message.id };
        }
        const roleRoute = /^\/sandbox\/roles(?:\/([^/]+))?$/.exec(path);
        if (roleRoute) {
          const ref = roleRoute[1] === undefined ? undefined : decodeURIComponent(roleRoute[1]);
          return roleControl(method, ref, body);
        }
        if (path === "/sandbox/application" && method === "PUT") {
          if (typeof body.botPublic !== "boolean") {
            throw new HttpError(
              400,
              'Give "botPublic": true or false (the Developer Portal\'s Public Bot setting: on, anyone can add the bot to a server).',
            );
          }
          state.setBotPublic(body.botPublic);
          return { botPublic: state.botPublic };
        }
        const dmRoute = /^\/sandbox\/users\/([^/]+)\/dms$/.exec(path);
        if (dmRoute) return dmControl(method, decodeURIComponent(dmRoute[1] ?? ""), body);
        const interactionRoute = /^\/sandbox\/interactions\/(\d+)$/.exec(path);
        if (interactionRoute && method === "GET") {
          // What the bot answered so far, follow-ups sent after the final answer included.
          const p = state.interactions.get(interactionRoute[1] ?? "");
          if (!p) throw new HttpError(404, `There is no interaction ${interactionRoute[1]}.`);
          return { interactionId: p.id, responses: p.responses, ...(p.final ? {} : { complete: false }) };
        }
        throw new HttpError(404, `The sandbox control API has no ${method} ${path}.`);
      }
    }
  }

  async function onRequest(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? "/", "http://sandbox");
    const method = req.method ?? "GET";
    const send = (status: number, body?: unknown, headers: Record<string, string> = {}) => {
      if (body === undefined) {
        res.writeHead(status, headers).end();
        return;
      }
      res.writeHead(status, { ...headers, "content-type": "application/json" }).end(JSON.stringify(body));
    };
    // On every answer; the web client's pages set their own Content-Security-Policy (with frame-ancestors).
    for (const [name, value] of Object.entries(SECURITY_HEADERS)) res.setHeader(name, value);
    const refusal = refuseForeignRequest(req, hostnames);
    if (refusal) {
      // Not read: the connection closes after the answer rather than draining what a stranger sent.
      send(refusal.status, { error: refusal.error }, { connection: "close" });
      return;
    }
    let bytes: Buffer;
    try {
      bytes = await readBody(req);
    } catch (error) {
      send(413, { error: (error as Error).message });
      return;
    }
    let raw = bytes.toString("utf8");
    const files: { filename: string; contentType: string; data: Buffer }[] = [];
    const contentType = req.headers["content-type"] ?? "";
    if (contentType.startsWith("multipart/form-data") && url.pathname.startsWith("/api/")) {
      // Messages with files (discord.js sends payload_json and files[n] parts), parsed by the platform's FormData.
      try {
        const form = await new Response(bytes, { headers: { "content-type": contentType } }).formData();
        raw = String(form.get("payload_json") ?? "");
        for (const [key, value] of form.entries()) {
          if (!key.startsWith("files[") || typeof value === "string") continue;
          files.push({
            filename: value.name,
            contentType: value.type || "application/octet-stream",
            data: Buffer.from(await value.arrayBuffer()),
          });
        }
      } catch {
        send(400, { code: 50109, message: "The request body contains an invalid multipart form." });
        return;
      }
    }
    const page = method === "GET" ? WEB_CLIENT.get(url.pathname) : undefined;
    if (page) {
      res.writeHead(200, page.headers).end(page.body);
      return;
    }
    if (method === "GET" && url.pathname.startsWith("/sandbox/attachments/")) {
      const attachment = state.findAttachment(url.pathname.split("/")[3] ?? "");
      if (!attachment) {
        send(404, { error: "There is no attachment with this id." });
        return;
      }
      res.writeHead(200, { "content-type": attachment.contentType }).end(Buffer.from(attachment.data, "base64"));
      return;
    }
    let body: unknown;
    if (raw !== "") {
      try {
        body = JSON.parse(raw);
      } catch {
        send(
          400,
          url.pathname.startsWith("/api/")
            ? { code: 50109, message: "The request body contains invalid JSON." }
            : { error: "The body is not valid JSON." },
        );
        return;
      }
    }

    if (url.pathname.startsWith("/api/v10/")) {
      const path = decodeURIComponent(url.pathname.slice("/api/v10".length));
      if (options.validator && body !== undefined)
        recordViolation(options.validator.validateRequest(method, path, body));
      const fault = faults.take(method, path);
      if (fault?.status) {
        send(fault.status, faultBody(fault.status));
        return;
      }
      // Held past the client's timeout, then carried out all the same (the answer finds no one listening).
      if (fault?.hangMs) await new Promise((resolve) => setTimeout(resolve, fault.hangMs));
      let result: RestResult;
      try {
        result = rest.handle(method, path, url.searchParams, body, req.headers.authorization, files);
      } catch (error) {
        if (error instanceof DiscordApiError) {
          result = { status: error.status, body: { code: error.code, message: error.message } };
        } else {
          options.log?.(`sandbox REST error on ${method} ${path}: ${(error as Error).stack}`);
          result = { status: 500, body: { code: 0, message: "500: Internal Server Error" } };
        }
      }
      if (options.validator && result.status < 300) {
        recordViolation(options.validator.validateResponse(method, path, result.status, result.body));
      }
      if (res.destroyed) return;
      send(result.status, result.body, result.headers);
      return;
    }
    if (url.pathname.startsWith("/sandbox/")) {
      try {
        const out = await control(method, url.pathname.replace(/\/$/, ""), url.searchParams, (body ?? {}) as Json);
        if (out instanceof Created) send(201, out.body);
        else send(200, out);
      } catch (error) {
        if (error instanceof HttpError) send(error.status, { error: error.message });
        else if (error instanceof SandboxInputError) send(400, { error: error.message });
        else {
          options.log?.(`sandbox control error on ${method} ${url.pathname}: ${(error as Error).stack}`);
          send(500, { error: "The sandbox failed to handle this request; see its log." });
        }
      }
      return;
    }
    send(404, { error: "Not found. The sandbox serves its web client at /, and /api/v10, /gateway and /sandbox." });
  }

  const server = createServer((req, res) => {
    onRequest(req, res).catch((error) => {
      options.log?.(`sandbox error: ${(error as Error).stack}`);
      if (!res.headersSent) res.writeHead(500).end();
    });
  });
  const host = options.host ?? "127.0.0.1";
  const port = options.port ?? 0;
  const hostnames = sandboxHostnames(host);
  server.on("upgrade", (req, socket, head) => {
    // A browser opens WebSockets to any address without asking: the gateway checks Host and Origin too.
    const refused = refuseForeignRequest(req, hostnames);
    if (refused) {
      const body = JSON.stringify({ error: refused.error });
      socket.end(
        `HTTP/1.1 ${refused.status} Forbidden\r\ncontent-type: application/json\r\ncontent-length: ${Buffer.byteLength(body)}\r\nconnection: close\r\n\r\n${body}`,
      );
      return;
    }
    if (new URL(req.url ?? "/", "http://sandbox").pathname === "/gateway") gateway.handleUpgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", (error: NodeJS.ErrnoException) =>
      reject(
        error.code === "EADDRINUSE"
          ? new Error(`port ${port} on ${host} is already in use: stop the other process or set SANDBOX_PORT`)
          : error,
      ),
    );
    server.listen(port, host, () => resolve());
  });
  const address = server.address() as AddressInfo;
  baseUrl = `http://${host}:${address.port}`;
  if (!isLoopbackHost(host)) {
    options.log?.(
      `The sandbox listens on ${host}, which is not a loopback address: anyone who can reach port ${address.port} there can act as any sandbox user and make themselves a moderator. Set SANDBOX_HOST=127.0.0.1 unless that is what you want.`,
    );
  }
  state.attachmentUrl = `${baseUrl}/sandbox/attachments`;

  return {
    url: baseUrl,
    apiUrl: `${baseUrl}/api`,
    token: state.botToken,
    applicationId: state.applicationId,
    guildId: state.guildId,
    state,
    gateway,
    violations,
    async close() {
      gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

function readBody(req: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY) {
        reject(new Error("The request body is too large."));
        req.destroy();
        return;
      }
      chunks.push(chunk);
    });
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}
