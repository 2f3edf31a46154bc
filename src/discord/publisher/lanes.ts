import type { Config } from "../../config.ts";
import type { PostKind } from "../../generated/prisma/client.ts";

/**
 * Posts go out in lanes, one message at a time per lane: a lane's posts share a channel's rate limit and its order
 * (a contribution is posted before its evaluation replies to it), and a busy lane never holds up another.
 */
export const LANES: PostKind[][] = [
  ["contribution", "evaluation", "appeal"],
  ["proposal", "result", "note", "reminder", "epoch_reminder"],
  ["receipt", "safe_batch"],
  ["compute"],
  // DMs go to many channels (one per member), never hold up a public post, and keep the reminders in order.
  ["reminder_dm"],
];

/** More than this many waiting in a lane (what Discord lets through a channel in 5 s) are sent as digests… */
export const DIGEST_AFTER = 5;
/** …of at most this many each. */
export const DIGEST_SIZE = 20;

/** The channel (by its configured name) where a kind of post goes, for a reply saying where it is or will be. */
export const laneChannel = (config: Config, kind: PostKind) =>
  ({
    contribution: config.CONTRIBUTIONS_CHANNEL,
    evaluation: config.CONTRIBUTIONS_CHANNEL,
    appeal: config.CONTRIBUTIONS_CHANNEL,
    proposal: config.GOVERNANCE_CHANNEL,
    result: config.GOVERNANCE_CHANNEL,
    note: config.GOVERNANCE_CHANNEL,
    receipt: config.PAYOUTS_CHANNEL,
    safe_batch: config.PAYOUTS_CHANNEL,
    compute: config.COMPUTE_CHANNEL,
    reminder: config.GOVERNANCE_CHANNEL,
    reminder_dm: "a direct message",
    epoch_reminder: config.GOVERNANCE_CHANNEL,
  })[kind];

/** One message at a time per lane: the lane's loop and the repost job take turns. */
export class LaneLocks {
  private readonly locks = LANES.map(() => Promise.resolve() as Promise<unknown>);

  exclusive<T>(lane: number, run: () => Promise<T>): Promise<T> {
    const next = (this.locks[lane] as Promise<unknown>).catch(() => {}).then(run);
    this.locks[lane] = next.catch(() => {});
    return next;
  }
}
