import type { PostKind } from "../../generated/prisma/client.ts";
import type { DiscordSettings } from "../discordSettings.ts";

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
  // A member's merged PR drafted as a contribution, asking them to confirm it.
  ["github_draft"],
];

/** More than this many waiting in a lane (what Discord lets through a channel in 5 s) are sent as digests… */
export const DIGEST_AFTER = 5;
/** …of at most this many each. */
export const DIGEST_SIZE = 20;

/** The channel (by its configured name) where a kind of post goes, for a reply saying where it is or will be. */
export const laneChannel = (settings: DiscordSettings, kind: PostKind) =>
  ({
    contribution: settings.channels.contributions,
    evaluation: settings.channels.contributions,
    appeal: settings.channels.contributions,
    proposal: settings.channels.governance,
    result: settings.channels.governance,
    note: settings.channels.governance,
    receipt: settings.channels.payouts,
    safe_batch: settings.channels.payouts,
    compute: settings.channels.compute,
    reminder: settings.channels.governance,
    reminder_dm: "a direct message",
    epoch_reminder: settings.channels.governance,
    github_draft: settings.channels.contributions,
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
