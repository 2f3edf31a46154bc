import { MessageFlags } from "discord.js";
import { nextJuryItem } from "../../services/calibration/nextJuryItem.ts";
import { recordJuryReview } from "../../services/calibration/recordJuryReview.ts";
import { UserError } from "../../services/errors.ts";
import { idArgument } from "../checkInput.ts";
import { edit } from "../reply.ts";
import { juryItemView, juryNothingText, juryRecordedText, juryScoreModal } from "../views/juryViews.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./types.ts";

export const next: CommandHandler = async (i, ctx) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const found = await nextJuryItem(ctx.deps.services, ctx.actor, ctx.member.roles);
  const { item } = found;
  await i.editReply(edit(item ? juryItemView(ctx.t, { ...found, item }) : { content: juryNothingText(ctx.t, found) }));
};

/** "Score it" under a blind item: `jury:score:<itemId>` opens the form. */
export const scoreButton: ComponentHandler = async (i, ctx, [action, id]) => {
  if (action !== "score") throw new UserError("invalid_component", {});
  const jurorRole = ctx.deps.services.calibration.jurorRole;
  if (!ctx.member.roles.includes(jurorRole)) throw new UserError("missing_role", { role: jurorRole });
  await i.showModal(
    juryScoreModal(
      ctx.t,
      idArgument(id),
      ctx.deps.services.evaluation.rubric.criteria.map((c) => c.name),
    ),
  );
};

/** The form's scores: `jury-score:<itemId>`, one field per criterion. */
export const scoreModal: ModalHandler = async (i, ctx, [id]) => {
  await i.deferReply({ flags: MessageFlags.Ephemeral });
  const itemId = idArgument(id);
  const criteria = ctx.deps.services.evaluation.rubric.criteria.map((c) => c.name);
  const scores: Record<string, number> = {};
  for (const name of criteria) {
    const raw = i.fields.fields.get(name) ? i.fields.getTextInputValue(name).trim() : "";
    // Anything but whole digits is refused by the service's check (NaN is not an integer).
    scores[name] = /^\d{1,2}$/.test(raw) ? Number(raw) : Number.NaN;
  }
  const { scores: recorded } = await recordJuryReview(ctx.deps.services, ctx.actor, ctx.member.roles, {
    itemId,
    scores,
  });
  await i.editReply(edit({ content: juryRecordedText(ctx.t, itemId, recorded) }));
};
