import type { Database } from "../../src/db/openDatabase.ts";
import { templateDrafter } from "../../src/llm/proposalDrafters.ts";
import { defaultRubric } from "../../src/llm/rubric.ts";
import type { Actor, EvaluationDeps, ServiceDeps } from "../../src/services/deps.ts";
import { silentNotifier } from "../../src/services/notifier.ts";

export function serviceDeps(
  database: Database,
  clock = { now: new Date("2026-11-26T12:00:00Z") },
  evaluation: Partial<EvaluationDeps> = {},
): ServiceDeps & { clock: { now: Date } } {
  return {
    db: database.prisma,
    now: () => new Date(clock.now),
    settings: { walletChallengeTtlMs: 600_000, duplicateSubmissionWindowMs: 60_000 },
    evaluation: {
      rubric: defaultRubric,
      samples: 1,
      concurrency: 4,
      policy: { maxPerContribution: 100n * 10n ** 18n, epochBudget: 10_000n * 10n ** 18n },
      prices: { inputPerMTok: 0.15, outputPerMTok: 0.6 },
      claimTimeoutMs: 600_000,
      appeal: { samples: 3, windowMs: 72 * 3_600_000 },
      ...evaluation,
    },
    proposals: { drafter: templateDrafter("STEW"), tokenDecimals: 18 },
    epochs: { budget: 10_000n * 10n ** 18n, openAppeals: "block" },
    notifier: silentNotifier,
    clock,
  };
}

export const actor = (discordId: string, username = `user${discordId}`): Actor => ({
  guildId: "100000000000000001",
  discordId,
  username,
});
