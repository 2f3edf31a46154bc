import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  type MessageComponentInteraction,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";
import { clampPayload } from "./views/clampPayload.ts";

type Payload = Pick<InteractionReplyOptions, "content" | "embeds" | "components">;

// User text is echoed everywhere: no reply of Steward's may ping anyone.
export const noMentions = { parse: [] } as const;

export function ephemeral(payload: Payload): InteractionReplyOptions {
  return { ...clampPayload(payload), flags: MessageFlags.Ephemeral, allowedMentions: noMentions };
}

export function edit(payload: Payload): InteractionEditReplyOptions {
  return { ...clampPayload(payload), allowedMentions: noMentions } as InteractionEditReplyOptions;
}

/** A public post or an edit of one (channel messages, component updates): within Discord's limits, pinging no one. */
export function post<P extends Payload & { allowedMentions?: unknown }>(payload: P): P {
  return { allowedMentions: noMentions, ...clampPayload(payload) };
}

/** Answers privately whatever state the interaction is in. */
export async function answerPrivately(interaction: RepliableInteraction, payload: Payload): Promise<void> {
  if (interaction.deferred && (!isComponentUpdate(interaction) || isPrivateMessage(interaction))) {
    // Steward defers commands ephemerally only, so editing the deferred reply stays private; it also replaces a
    // progress note ("Checking…") that would otherwise stay on screen above the error.
    await interaction.editReply(edit(payload));
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp(ephemeral(payload));
  } else {
    await interaction.reply(ephemeral(payload));
  }
}

/** A button or menu that acknowledged by updating its message (deferUpdate/update), not with a private reply. */
function isComponentUpdate(interaction: RepliableInteraction): boolean {
  return interaction.isMessageComponent();
}

/** The deferred reply is private, or the clicked message is (a private flow): editing it shows no one else. */
function isPrivateMessage(interaction: RepliableInteraction): boolean {
  if (interaction.ephemeral === true) return true;
  return interaction.isMessageComponent() && interaction.message.flags.has(MessageFlags.Ephemeral);
}

/**
 * Answers privately with what `work` produces: directly when it is ready within `deferAfterMs` (one interaction
 * callback, which Discord's global rate limit does not count), else by deferring first and editing the deferred
 * reply, so a slow database never misses Discord's 3-second acknowledgement deadline.
 */
export async function replyWhenReady(
  interaction: RepliableInteraction | MessageComponentInteraction,
  work: Promise<Payload>,
  deferAfterMs = 1500,
): Promise<void> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<"late">((resolve) => {
    timer = setTimeout(() => resolve("late"), deferAfterMs);
  });
  const first = await Promise.race([
    work.then(
      () => "ready" as const,
      () => "ready" as const,
    ),
    late,
  ]);
  clearTimeout(timer);
  if (first === "late") await interaction.deferReply({ flags: MessageFlags.Ephemeral });
  const payload = await work;
  if (interaction.deferred) await interaction.editReply(edit(payload));
  else await interaction.reply(ephemeral(payload));
}
