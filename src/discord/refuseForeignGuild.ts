import type { Interaction } from "discord.js";
import type { Logger } from "../logger.ts";
import { memberTranslator } from "./interactionLocale.ts";
import { ephemeral } from "./reply.ts";

/**
 * An interaction from a server that is not Steward's (someone added the bot elsewhere): the one private answer and
 * nothing else, so nobody there can propose, vote, approve or be paid from this treasury. In the member's language,
 * else that server's (GUILD_LOCALE is this Steward's server's, not theirs).
 */
export async function refuseForeignGuild(interaction: Interaction, logger: Logger): Promise<void> {
  logger.info({ guildId: interaction.guildId, userId: interaction.user.id }, "interaction from a server not served");
  try {
    const t = memberTranslator({ guildLocale: undefined }, interaction);
    if (interaction.isAutocomplete()) await interaction.respond([]);
    else if (interaction.isRepliable()) await interaction.reply(ephemeral({ content: t.t("errors.foreignGuild") }));
  } catch (err) {
    logger.debug({ err }, "could not answer an interaction from a server not served");
  }
}
