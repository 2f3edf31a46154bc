import type { Interaction } from "discord.js";
import type { Logger } from "../logger.ts";
import { ephemeral } from "./reply.ts";

export const FOREIGN_GUILD_ANSWER = "Steward is not set up for this server.";

/**
 * An interaction from a server that is not Steward's (someone added the bot elsewhere): the one private answer and
 * nothing else, so nobody there can propose, vote, approve or be paid from this treasury.
 */
export async function refuseForeignGuild(interaction: Interaction, logger: Logger): Promise<void> {
  logger.info({ guildId: interaction.guildId, userId: interaction.user.id }, "interaction from a server not served");
  try {
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(ephemeral({ content: FOREIGN_GUILD_ANSWER }));
  } catch (err) {
    logger.debug({ err }, "could not answer an interaction from a server not served");
  }
}
