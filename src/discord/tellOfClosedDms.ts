import type { RepliableInteraction } from "discord.js";
import { restoreDmsClosedNotice, takeDmsClosedNotice } from "../services/reminders/notifySettings.ts";
import type { BotDeps } from "./context.ts";
import { memberTranslator } from "./interactionLocale.ts";
import { ephemeral } from "./reply.ts";
import { dmsClosedNotice } from "./views/reminderViews.ts";

/**
 * After a member's command is answered: if Discord refused them a reminder DM since their last command (their DMs
 * are closed, so reminders were turned off), a private follow-up says so, once. Never fails the command: a notice
 * that could not be sent is kept for the next one.
 */
export async function tellOfClosedDms(interaction: RepliableInteraction, deps: BotDeps): Promise<void> {
  if (!interaction.inGuild() || !(interaction.replied || interaction.deferred)) return;
  let at: Date | null = null;
  try {
    at = await takeDmsClosedNotice(deps.services, interaction.guildId, interaction.user.id);
    if (at)
      await interaction.followUp(
        ephemeral({ content: dmsClosedNotice(memberTranslator(deps.settings, interaction), at) }),
      );
  } catch (err) {
    deps.logger.warn({ err, userId: interaction.user.id }, "could not tell a member that their DMs are closed");
    if (at) {
      await restoreDmsClosedNotice(deps.services, interaction.guildId, interaction.user.id, at).catch(() => {});
    }
  }
}
