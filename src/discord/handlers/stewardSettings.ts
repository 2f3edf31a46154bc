import { MessageFlags } from "discord.js";
import type { ContributionCategory } from "../../generated/prisma/client.ts";
import { budgetFloors, setBudgetFloor } from "../../services/budget/budgetFloors.ts";
import { edit } from "../reply.ts";
import { budgetFloorChangeText, budgetFloorsView } from "../views/budgetViews.ts";
import type { CommandHandler } from "./types.ts";

/** `/steward settings budget-floor`: sets a category's floor, or (without a share) shows the floors. */
export const budgetFloor: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const category = i.options.getString("category", true) as ContributionCategory;
  const share = i.options.getString("share");
  if (share === null) {
    const floors = await budgetFloors(ctx.deps.services.db, ctx.actor.guildId);
    const list = [...floors].map(([c, shareBps]) => ({ category: c, shareBps }));
    await i.editReply(edit({ content: budgetFloorsView(ctx.t, list) }));
    return;
  }
  const change = await setBudgetFloor(ctx.deps.services, ctx.actor, { category, share });
  await i.editReply(edit({ content: budgetFloorChangeText(ctx.t, change) }));
};
