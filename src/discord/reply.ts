import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  type RepliableInteraction,
} from "discord.js";

type Payload = Pick<InteractionReplyOptions, "content" | "embeds" | "components">;

// User text is echoed everywhere: no reply of Steward's may ping anyone.
export const noMentions = { parse: [] } as const;

export function ephemeral(payload: Payload): InteractionReplyOptions {
  return { ...payload, flags: MessageFlags.Ephemeral, allowedMentions: noMentions };
}

export function edit(payload: Payload): InteractionEditReplyOptions {
  return { ...payload, allowedMentions: noMentions } as InteractionEditReplyOptions;
}

/** Answers privately whatever state the interaction is in. */
export async function answerPrivately(interaction: RepliableInteraction, payload: Payload): Promise<void> {
  if (interaction.deferred && !isComponentUpdate(interaction)) {
    // Steward defers commands ephemerally only, so editing the deferred reply stays private; it also replaces a
    // progress note ("Checking…") that would otherwise stay on screen above the error.
    await interaction.editReply(edit(payload));
  } else if (interaction.deferred || interaction.replied) {
    await interaction.followUp(ephemeral(payload));
  } else {
    await interaction.reply(ephemeral(payload));
  }
}

function isComponentUpdate(interaction: RepliableInteraction): boolean {
  return interaction.isMessageComponent();
}
