import { z } from "zod";
import { chainRefusalSchema } from "./chainRefusal.ts";

/*
 * Why a held line's last claim or return did not go through (HeldLine.problemFacts), as facts: the settlement
 * service writes them; `/payout status`, `/payout held` and moderators' notes put them into words with
 * `heldLineProblemText.ts`. The line stays held either way.
 */
export const heldLineProblemSchema = z.discriminatedUnion("kind", [
  /** The chain refused the relay (simulated or sent). */
  z.object({ kind: z.literal("chain_refused"), refusal: chainRefusalSchema }),
  /** The relay transaction was mined and reverted. */
  z.object({ kind: z.literal("reverted"), txHash: z.string().nullable() }),
  /** The recipient's signed claim expired before it could be sent. */
  z.object({ kind: z.literal("claim_expired") }),
]);
export type HeldLineProblem = z.infer<typeof heldLineProblemSchema>;

/** A problem as facts, or as the sentence a row stored before problems were facts (`HeldLine.problem`). */
export type HeldLineProblemRecord = HeldLineProblem | string;
