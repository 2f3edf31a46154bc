import { anchorNow } from "../services/audit/publishAnchors.ts";
import { closeEpochForVote } from "../services/epochs/closeEpochForVote.ts";
import { isUserError } from "../services/errors.ts";
import type { Job } from "./types.ts";

export const closeEpochJob: Job = {
  name: "close-epoch",
  // EPOCH_CRON overrides this at scheduling time.
  schedule: "0 0 * * 1",
  description: "Closes every guild's open epoch and drafts its reward distribution proposal, and opens it for votes.",
  async run({ services, logger }) {
    // Every guild Steward has members in has an epoch (the first opens on first use).
    const guilds = await services.db.member.findMany({ distinct: ["guildId"], select: { guildId: true } });
    const closed: number[] = [];
    let epochs = 0;
    const blocked: string[] = [];
    for (const { guildId } of guilds) {
      try {
        const result = await closeEpochForVote(services, guildId, "system:close-epoch");
        epochs++;
        const proposal = result.proposal;
        if (!proposal) continue;
        closed.push(proposal.id);
        if (!result.opened)
          logger.warn(
            { guildId, proposalId: proposal.id, code: result.notOpenedBecause },
            "distribution left as a draft",
          );
      } catch (error) {
        // One guild's failure must not keep the others' epochs open.
        blocked.push(guildId);
        if (isUserError(error)) logger.warn({ guildId, code: error.code, context: error.context }, "epoch not closed");
        else logger.error({ guildId, err: error }, "epoch close failed");
      }
    }
    // Each close took an anchor of the audit chain's head: publish it on chain now (or the next settle run will).
    const anchors = epochs > 0 ? await anchorNow(services) : undefined;
    if (anchors && "error" in anchors) logger.warn({ error: anchors.error }, "audit anchor not published yet");
    const summary = `${epochs} epoch(s) closed, ${closed.length} distribution proposal(s)${blocked.length ? `, ${blocked.length} not closed (open appeals or an error: see the log)` : ""}`;
    return { outcome: blocked.length > 0 ? "problem" : "ok", summary, detail: { proposals: closed, blocked, anchors } };
  },
};
