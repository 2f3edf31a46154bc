import { z } from "zod";

/** Where an unfinished chunk was planned to be paid: the settings it needs. */
const payingSettings = z.object({ chainId: z.number(), token: z.string(), distributor: z.string() });

/*
 * Why the last settle run could not move a payout chunk (PayoutIntent.stuck), as facts; words in
 * `payoutStuckText.ts`. It is tried again at every run, so this is a state, not a verdict.
 */
export const payoutStuckSchema = z.discriminatedUnion("kind", [
  /** An error of the run (an RPC timing out, a node in trouble, a bug): its message, cleaned of URLs' secrets. */
  z.object({ kind: z.literal("error"), message: z.string() }),
  /**
   * Settlement stopped: `count` unfinished chunks (the first ten listed) were planned for another chain, token or
   * distributor than the settings now name (`now`).
   */
  z.object({
    kind: z.literal("planned_elsewhere"),
    now: payingSettings,
    count: z.number(),
    chunks: z.array(payingSettings.extend({ proposalId: z.number(), chunkIndex: z.number() })),
  }),
]);
export type PayoutStuck = z.infer<typeof payoutStuckSchema>;
export type PlannedElsewhere = Extract<PayoutStuck, { kind: "planned_elsewhere" }>;

/** Why a chunk is stuck, as facts, or as the sentence a row stored before (`PayoutIntent.stuckReason`). */
export type PayoutStuckRecord = PayoutStuck | string;
