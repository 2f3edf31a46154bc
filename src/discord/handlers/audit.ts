import { traceAudit } from "../../services/transparency/traceAudit.ts";
import { ephemeral, post } from "../reply.ts";
import { auditTraceView, readTraceId } from "../views/auditTraceViews.ts";
import type { CommandHandler, ComponentHandler } from "./types.ts";

export const trace: CommandHandler = async (i, ctx) => {
  const t = await traceAudit(ctx.deps.services, ctx.actor.guildId, i.options.getString("id", true));
  await i.reply(ephemeral(auditTraceView(ctx.t, t, 1, ctx.deps.services.token, ctx.deps.settings.explorerTxUrl)));
};

/** Previous / Next: the trace is read again (it is public data) and the asked page shown in place. */
export const tracePage: ComponentHandler = async (i, ctx, args) => {
  const { ref, page } = readTraceId(args);
  const t = await traceAudit(ctx.deps.services, ctx.actor.guildId, ref);
  await i.update(post(auditTraceView(ctx.t, t, page, ctx.deps.services.token, ctx.deps.settings.explorerTxUrl)));
};
