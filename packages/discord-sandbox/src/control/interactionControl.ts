import {
  buildCommandInteraction,
  buildComponentInteraction,
  buildModalInteraction,
  newPendingInteraction,
} from "../buildInteraction.ts";
import type { SandboxParts } from "../sandboxParts.ts";
import type { Json } from "../sandboxState.ts";
import { userFrom, visibleMessage, waitMsFrom } from "./controlInputs.ts";
import { dispatchInteraction } from "./dispatchInteraction.ts";
import { HttpError } from "./httpError.ts";

/** `POST /sandbox/interactions`: a user runs a slash command in a channel. */
export function commandInteraction(parts: SandboxParts, body: Json) {
  const { state } = parts;
  const user = userFrom(state, body);
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
  return dispatchInteraction(parts, p, payload, waitMsFrom(body));
}

/** `POST /sandbox/components`: a user clicks a button or picks from a menu on a message they can see. */
export function componentInteraction(parts: SandboxParts, body: Json) {
  const { state } = parts;
  const user = userFrom(state, body);
  const message = visibleMessage(state, String(body.messageId ?? ""), user.id);
  const channel = state.channelByName(message.channelId);
  if (!channel) throw new HttpError(404, "That message's channel no longer exists.");
  if (body.values !== undefined && (!Array.isArray(body.values) || body.values.some((v) => typeof v !== "string"))) {
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
  return dispatchInteraction(parts, p, payload, waitMsFrom(body));
}

/** `POST /sandbox/modals`: a user submits the modal the bot last opened for them. */
export function modalInteraction(parts: SandboxParts, body: Json) {
  const { state } = parts;
  const user = userFrom(state, body);
  const opener = [...state.interactions.values()]
    .filter((i) => i.modal && i.userId === user.id)
    .filter((i) => (body.interactionId ? i.id === body.interactionId : true))
    .filter((i) => (body.messageId ? i.sourceMessageId === body.messageId : true))
    .at(-1);
  if (!opener?.modal) throw new HttpError(404, "No modal is open for this user (check interactionId or messageId).");
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
  return dispatchInteraction(parts, p, payload, waitMsFrom(body));
}
