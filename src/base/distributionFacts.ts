import { z } from "zod";

/** Token units as the database's JSON holds them: a decimal string of digits, no sign, no leading zero. */
const units = z.string().regex(/^(0|[1-9][0-9]*)$/, "token units as decimal digits");
const id = z.number().int().positive();
const count = z.number().int().nonnegative();

/*
 * A distribution proposal's figures (Proposal.distributionFacts), as `distributionFactsJson` writes them at the close:
 * bigints as decimal strings, sets as sorted lists. The views word them in the reader's language; the proposal's text
 * columns keep the English record written from the same figures.
 */
export const distributionFactsSchema = z.object({
  epochNumber: count,
  budget: units,
  computeBudget: units,
  total: units,
  scaled: z.boolean(),
  floors: z.array(
    z.object({
      category: z.string(),
      shareBps: count,
      floor: units,
      requested: units,
      reserved: units,
      contributions: count,
    }),
  ),
  paid: units,
  recipients: count,
  paidContributions: count,
  computeTotal: units,
  computeRewards: z.array(
    z.object({ kind: z.enum(["uptime", "lease"]), nodeId: id, leaseId: id.nullable(), amount: units }),
  ),
  walletless: count,
  carriedTotal: units,
  appealed: z.array(id),
  held: z.array(id),
  jury: z
    .object({
      reviews: count,
      total: units,
      jurors: count,
      agreement: z
        .object({
          sampled: count,
          items: count,
          jurors: count,
          reviews: count,
          spearman: z.number().nullable(),
          meanDifference: z.number().nullable(),
        })
        .nullable(),
      minAgreement: z.number(),
      calibration: z
        .object({
          policy: z.enum(["hold", "jury"]),
          held: z.array(z.object({ contributionId: id, modelTotal: z.number(), juryTotal: z.number() })),
          juryPaid: z.array(
            z.object({
              contributionId: id,
              modelTotal: z.number(),
              juryTotal: z.number(),
              modelReward: units,
              juryReward: units,
            }),
          ),
        })
        .nullable(),
    })
    .nullable(),
  mentors: z
    .object({
      shareBps: count,
      paid: z.array(z.object({ contributionId: id, mentor: z.string(), newcomer: z.string(), amount: units })),
      refused: z.array(z.object({ contributionId: id, reason: z.literal("shared_wallet") })),
    })
    .nullable(),
});
export type DistributionFacts = z.infer<typeof distributionFactsSchema>;
