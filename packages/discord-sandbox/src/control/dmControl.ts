import type { Json, SandboxState } from "../sandboxState.ts";
import { HttpError } from "./httpError.ts";
import { publicMessage } from "./publicMessage.ts";

/**
 * A user's DMs from the bot: GET lists them (and whether the user takes DMs); PUT {"open": false} closes the
 * user's DMs, as the "Direct Messages" privacy setting does on Discord (the bot's DMs then fail with 50007).
 */
export function dmControl(state: SandboxState, method: string, nameOrId: string, body: Json) {
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
    messages: user.dmChannelId ? state.channelMessages(user.dmChannelId).map((m) => publicMessage(state, m)) : [],
  };
}
