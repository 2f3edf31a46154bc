import { fileURLToPath } from "node:url";
import { defineConfig } from "vitest/config";

// The tests that guard the money-critical modules, on the managed PostgreSQL only: what `npm run test:mutation`
// runs against each mutant (Stryker picks, per mutant, the tests that cover it).
export default defineConfig({
  // As in vitest.config.ts: the workspace packages from their TypeScript sources.
  resolve: {
    alias: {
      "@steward/discord-sandbox": fileURLToPath(new URL("packages/discord-sandbox/src/index.ts", import.meta.url)),
      "@steward/github-sandbox": fileURLToPath(new URL("packages/github-sandbox/src/index.ts", import.meta.url)),
      "@steward/managed-postgres": fileURLToPath(new URL("packages/managed-postgres/src/index.ts", import.meta.url)),
    },
  },
  test: {
    globalSetup: ["test/helpers/globalSetup.ts"],
    testTimeout: 30_000,
    hookTimeout: 60_000,
    pool: "forks",
    env: { STEWARD_TEST_DB: "embedded" },
    include: [
      "test/services/tally.test.ts",
      "test/services/exactSum.test.ts",
      "test/services/rewardPolicy.test.ts",
      "test/services/epochs.test.ts",
      "test/services/audit.test.ts",
      "test/services/selfDealing.test.ts",
      "test/services/closeEpoch.test.ts",
      "test/services/policy/parsePolicyChange.test.ts",
      "test/services/policy/rescoreAgreement.test.ts",
      "test/services/policy/adoptPolicy.test.ts",
      "test/services/policy/policyVoteOutcome.test.ts",
      "test/services/policy/policyEvaluation.test.ts",
      "test/services/governance.test.ts",
      "test/services/wallets.test.ts",
      "test/services/walletSignatures.test.ts",
      "test/services/siweMessage.test.ts",
      "test/e2e/wallet.test.ts",
      "test/e2e/governance.test.ts",
      "test/llm/evaluators.test.ts",
      "test/llm/links.test.ts",
      "test/llm/rubricGolden.test.ts",
      "test/llm/rubricBoundaries.test.ts",
      "test/llm/gamingCorpus.test.ts",
      "test/llm/injectionCorpus.test.ts",
      "test/github/githubRules.test.ts",
      "test/github/changeSize.test.ts",
      // What verified facts add up to, authorship, closing keywords and reverts, rule by rule (issue 22).
      "test/github/verifiedWork.test.ts",
      "test/github/pullHistory.test.ts",
      // GitHub's rules of issue 22 (unreviewed rate, reverts, split work) on the local GitHub.
      "test/github/pullRules.test.ts",
      "test/github/githubGamingCorpus.test.ts",
      // splitWork's and claimedByNodeId's rules against the database, case by case (issue 22's mutation score).
      "test/github/splitWork.test.ts",
      "test/github/claimedByNodeId.test.ts",
      // The LSH bands, the contribution index and its backfill, the evaluator's input by index (issue 27's mutation score).
      "test/llm/minHashBands.test.ts",
      "test/services/contributionIndex.test.ts",
      "test/services/concurrentClaims.test.ts",
      "test/settlement/chunkBatch.test.ts",
      "test/settlement/settlePayouts.test.ts",
      "test/settlement/settleRecovery.test.ts",
      // The held lines and verifyAudit's checks of them (issue 19): without it their mutants go uncovered.
      "test/settlement/heldLines.test.ts",
      // Planning that fails, chunks sized by measured gas (issue 19): planSettlements' mutants need them.
      "test/settlement/moneyNeverStalls.test.ts",
      "test/settlement/storedPayoutJson.test.ts",
      "test/services/computeRewards.test.ts",
      "test/services/computeChallenges.test.ts",
      // The challenge's work against its documented reference, and the jury's draw (issue 22).
      "test/services/challengeWork.test.ts",
      // nodeChallenges' rules case by case: timing boundaries, refusals, audits, flags (issue 22's mutation score).
      "test/services/nodeChallengeRules.test.ts",
      "test/compute/computeRules.test.ts",
      "test/audit/anchors.test.ts",
      "test/audit/verifyAudit.test.ts",
      "test/services/jury.test.ts",
      // applyCalibrationPolicy on hand-set samples, and which policy governs an epoch (issue 22's mutation score).
      "test/services/calibration/applyCalibrationPolicy.test.ts",
      "test/services/policy/activePolicy.test.ts",
    ],
  },
});
