import { discordLocaleProblem } from "../discordLocales.ts";
import { FaultInputError } from "../restFaults.ts";
import type { SandboxParts } from "../sandboxParts.ts";
import type { Json } from "../sandboxState.ts";
import { snowflake } from "../snowflake.ts";
import { channelControl, channelNameFrom, channelShape } from "./channelControl.ts";
import { dmControl } from "./dmControl.ts";
import { Created, HttpError } from "./httpError.ts";
import { commandInteraction, componentInteraction, modalInteraction } from "./interactionControl.ts";
import { publicMessage } from "./publicMessage.ts";
import { roleControl } from "./roleControl.ts";
import { createUser, createUsersInBulk } from "./userControl.ts";

/** The control API (`/sandbox/…`) that tests, the CLI and the sandbox's clients act through. */
export async function control(
  parts: SandboxParts,
  method: string,
  path: string,
  query: URLSearchParams,
  body: Json,
): Promise<unknown> {
  const { state, gateway, rest, faults, violations } = parts;
  const route = `${method} ${path}`;
  switch (route) {
    case "GET /sandbox/state":
      return {
        guildId: state.guildId,
        channels: state.channels.map((c) => channelShape(state, c)),
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
        locale: state.guildLocale,
        users: [...state.users.values()].map(({ id, username, roles, inGuild, joinedAt, locale }) => ({
          id,
          username,
          roles,
          inGuild,
          joinedAt,
          locale: locale ?? "en-US",
        })),
      };
    case "POST /sandbox/users":
      return createUser(state, body);
    case "PUT /sandbox/guild": {
      // A server admin sets the server's language (Community › Server Primary Language).
      const problem = discordLocaleProblem(body.locale);
      if (problem) throw new HttpError(400, problem);
      state.setGuildLocale(body.locale as string);
      gateway.dispatch("GUILD_UPDATE", state.apiGuild());
      return { locale: state.guildLocale };
    }
    case "POST /sandbox/users/bulk":
      return createUsersInBulk(state, body);
    case "POST /sandbox/interactions":
      return commandInteraction(parts, body);
    case "POST /sandbox/components":
      return componentInteraction(parts, body);
    case "POST /sandbox/modals":
      return modalInteraction(parts, body);
    case "GET /sandbox/messages": {
      const name = query.get("channel") ?? "";
      const channel = state.channelByName(name);
      if (!channel) {
        throw new HttpError(
          404,
          `There is no channel "${name}". Channels: ${state.channels.map((c) => c.name).join(", ")}.`,
        );
      }
      return state.channelMessages(channel.id).map((m) => publicMessage(state, m));
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
      return new Created(channelShape(state, channel));
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
        return channelControl(parts, method, decodeURIComponent(channelRoute[1] ?? ""), !!channelRoute[2], body);
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
        return roleControl(parts, method, ref, body);
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
      if (dmRoute) return dmControl(state, method, decodeURIComponent(dmRoute[1] ?? ""), body);
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
