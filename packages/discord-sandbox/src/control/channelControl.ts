import { bitsOf, botPermissions, isPermissionName, namesOf, PERMISSIONS } from "../channelPermissions.ts";
import type { SandboxParts } from "../sandboxParts.ts";
import type { Json, SandboxChannel, SandboxState } from "../sandboxState.ts";
import { HttpError } from "./httpError.ts";

/** A text channel name as Discord allows it: lowercase, 1-100 characters, no spaces. */
export function channelNameFrom(value: unknown): string {
  const name = typeof value === "string" ? value.trim().replace(/^#/, "") : "";
  if (!/^[a-z0-9_-]{1,100}$/.test(name)) {
    throw new HttpError(
      400,
      'Give the channel "name": 1-100 lowercase letters, digits, - or _ (as Discord names text channels).',
    );
  }
  return name;
}

export const channelShape = (state: SandboxState, c: SandboxChannel) => ({
  id: c.id,
  name: c.name,
  botPermissions: namesOf(botPermissions(state, c)),
  overwrites: c.overwrites ?? [],
});

/** A server admin's changes to one channel: the bot's overwrite, a new name, or deleting it. */
export function channelControl(
  parts: SandboxParts,
  method: string,
  nameOrId: string,
  permissions: boolean,
  body: Json,
) {
  const { state, gateway } = parts;
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
    return channelShape(state, channel);
  }
  if (!permissions && method === "PATCH") {
    channel.name = channelNameFrom(body.name);
    state.channelsChanged();
    gateway.dispatch("CHANNEL_UPDATE", state.apiChannel(channel));
    return channelShape(state, channel);
  }
  if (!permissions && method === "DELETE") {
    state.channels = state.channels.filter((c) => c !== channel);
    state.channelsChanged();
    gateway.dispatch("CHANNEL_DELETE", state.apiChannel(channel));
    return { deleted: channel.name };
  }
  if (!permissions && method === "GET") return channelShape(state, channel);
  throw new HttpError(
    404,
    `The sandbox control API has no ${method} on a channel${permissions ? "'s permissions" : ""}.`,
  );
}
