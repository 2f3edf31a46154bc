import { type Guild, MessageFlags } from "discord.js";
import { UserError } from "../../services/errors.ts";
import { acceptMentee } from "../../services/mentorship/acceptMentee.ts";
import { endMentorship } from "../../services/mentorship/endMentorship.ts";
import { mentorshipOverview } from "../../services/mentorship/mentorshipOverview.ts";
import { requestMentor } from "../../services/mentorship/requestMentor.ts";
import { reviewContribution } from "../../services/mentorship/reviewContribution.ts";
import { matchRole } from "../configuredRoles.ts";
import type { HandlerContext } from "../context.ts";
import { edit } from "../reply.ts";
import { mentorAcceptedText, mentorListView } from "../views/mentorViews.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

/**
 * Asking for a mentor, from `/mentor request` or the `/start` guide's button. Refused while the server has no
 * MENTOR_ROLE: nobody could accept, and the newcomer would wait for no one.
 */
export async function askForMentor(ctx: HandlerContext, guild: Guild | null, note: string | null): Promise<string> {
  const role = ctx.deps.services.mentorship.role;
  if (guild && !matchRole(guild, role).id) throw new UserError("no_mentor_role", { role });
  await requestMentor(ctx.deps.services, ctx.actor, note);
  return ctx.t.t("mentor.requested");
}

export const request: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await askForMentor(ctx, i.guild, i.options.getString("note")) }));
};

async function accept(ctx: HandlerContext, newcomer: string): Promise<string> {
  const s = ctx.deps.services;
  await acceptMentee(s, ctx.actor, ctx.member.roles, newcomer);
  return mentorAcceptedText(ctx.t, newcomer, s.mentorship.reviews, s.mentorship.reviewWaitMs);
}

export const acceptCommand: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await accept(ctx, i.options.getUser("newcomer", true).id) }));
};

/** The Accept button under a request: `mentor:accept:<newcomer's Discord id>`. */
export const acceptButton: ComponentHandler = async (i, ctx, [action, newcomer]) => {
  if (action !== "accept" || !newcomer || !/^\d{1,20}$/.test(newcomer)) throw new UserError("invalid_component", {});
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ content: await accept(ctx, newcomer) }));
};

export const review: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const { contributionId } = await reviewContribution(
    ctx.deps.services,
    ctx.actor,
    i.options.getInteger("contribution", true),
    i.options.getString("comment", true),
  );
  // The contribution waited for this note: evaluate it now.
  ctx.deps.kickEvaluations();
  await i.editReply(edit({ content: ctx.t.t("mentor.reviewed", { id: String(contributionId) }) }));
};

export const end: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const ended = await endMentorship(
    ctx.deps.services,
    ctx.actor,
    ctx.isModerator,
    i.options.getUser("newcomer")?.id ?? null,
  );
  await i.editReply(edit({ content: ctx.t.t("mentor.ended", { newcomer: ended.newcomer }) }));
};

export const list: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  await i.editReply(edit({ ...mentorListView(ctx.t, await mentorshipOverview(ctx.deps.services, ctx.actor)) }));
};
