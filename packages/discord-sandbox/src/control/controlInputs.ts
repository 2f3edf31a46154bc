import type { Json, SandboxState, SandboxUser, StoredMessage } from "../sandboxState.ts";
import { HttpError } from "./httpError.ts";

const DEFAULT_WAIT_MS = 10_000;

/** The acting user of a control call: a guild member, as Discord shows guild commands and components only to them. */
export function userFrom(state: SandboxState, body: Json): SandboxUser {
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

/** How long a control call waits for the bot's answer. */
export function waitMsFrom(body: Json): number {
  const w = body.waitMs === undefined ? DEFAULT_WAIT_MS : Number(body.waitMs);
  if (!Number.isFinite(w) || w < 0 || w > 120_000)
    throw new HttpError(400, "waitMs must be a number of milliseconds between 0 and 120000.");
  return w;
}

export function visibleMessage(state: SandboxState, id: string, userId: string): StoredMessage {
  const message = state.messages.get(id);
  if (!message || (message.ephemeral && message.visibleTo !== userId)) {
    throw new HttpError(404, `There is no message ${id} that this user can see.`);
  }
  return message;
}
