import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/openDatabase.ts";
import { createLogger } from "../../../src/logger.ts";
import { runAudited } from "../../../src/services/audit/runAudited.ts";
import { submitContribution } from "../../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../../src/services/deps.ts";
import { closeEpoch } from "../../../src/services/epochs/closeEpoch.ts";
import { overrideEvaluation } from "../../../src/services/evaluations/overrideEvaluation.ts";
import { runEvaluations } from "../../../src/services/evaluations/runEvaluations.ts";
import { adoptedPolicyFor } from "../../../src/services/policy/activePolicy.ts";
import { adoptPolicy } from "../../../src/services/policy/adoptPolicy.ts";
import { proposePolicy } from "../../../src/services/policy/proposePolicy.ts";
import { createWalletChallenge } from "../../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../../helpers/serviceDeps.ts";
import { createTestDatabase } from "../../helpers/testDatabase.ts";

const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

let nextId = 860000000000000000n;
let guild = "100000000000000861";
const person = (): Actor => ({ ...actor(String(nextId++)), guildId: guild });

async function evaluated(author: Actor) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
  const c = await submitContribution(deps, author, {
    title: `Policy epoch work ${nextId++}`,
    description: `Rebuilt indexer shard ${nextId} so a resync takes minutes, with a benchmark and tests.`,
    category: "code",
    links: [`https://github.com/dao/indexer/pull/${Number(nextId % 100000n)}`],
  });
  await runEvaluations(deps, logger);
  return deps.db.evaluation.findUniqueOrThrow({ where: { activeFor: c.id } });
}

const NEW = "impact=0.1,quality=0.1,effort=0.1,alignment=0.7";
const weighted = (e: { scores: unknown }, w: Record<string, number>) => {
  const s = e.scores as { criterion: string; score: number }[];
  return Math.round(s.reduce((n, x) => n + (x.score / 10) * (w[x.criterion] ?? 0), 0) * 100);
};

async function adopt(proposalId: number) {
  return runAudited(deps.db, (tx) => adoptPolicy(tx, { id: proposalId, guildId: guild }, "test", deps.now()));
}

describe("an adopted policy takes effect from the next epoch", () => {
  it("keeps this epoch's evaluations on the old version and evaluates the next epoch's under the adopted one", async () => {
    guild = "100000000000000861";
    const author = person();
    const wallet = Wallet.createRandom();
    const challenge = await createWalletChallenge(deps, author, wallet.address);
    await verifyWalletSignature(deps, author, await wallet.signMessage(challenge.message));
    const first = await evaluated(author);
    expect(first.policyVersion).toBe(1);
    const { proposal } = await proposePolicy(deps, author, { weights: NEW });
    expect(proposal.kind).toBe("policy");
    expect(proposal.status).toBe("draft");

    const adopted = await adopt(proposal.id);
    // The epoch open now is 1 (opened by nothing yet: the next close opens it): the policy governs from epoch 2.
    expect(adopted).toEqual({ version: 2, effectiveFromEpoch: 2 });
    expect(await adoptedPolicyFor(deps.db, guild, 1)).toBeNull();
    expect((await adoptedPolicyFor(deps.db, guild, 2))?.version).toBe(2);
    // Adopting twice records nothing more.
    expect(await adopt(proposal.id)).toBeNull();

    const sameEpoch = await evaluated(author);
    expect(sameEpoch.policyVersion).toBe(1);
    expect(sameEpoch.rubricVersion).toBe(1);

    const closed = await closeEpoch(deps, guild, "mod");
    // The policy version of every paid reward is in the batch the hash binds.
    const batch = (closed as { batch: { refs: string[] }[] }).batch;
    expect(batch.flatMap((l) => l.refs).filter((r) => r.startsWith("policy:"))).toEqual(["policy:1"]);

    const nextEpoch = await evaluated(author);
    expect(nextEpoch.policyVersion).toBe(2);
    expect(nextEpoch.rubricVersion).toBe(2);
    expect(nextEpoch.total).toBe(weighted(nextEpoch, { impact: 0.1, quality: 0.1, effort: 0.1, alignment: 0.7 }));
    expect(nextEpoch.total).not.toBe(weighted(nextEpoch, { impact: 0.35, quality: 0.25, effort: 0.2, alignment: 0.2 }));
  });

  it("with an epoch open, counts from it: adopted during epoch N, in effect from N + 1; a later adoption wins", async () => {
    guild = "100000000000000862";
    const author = person();
    await evaluated(author);
    await closeEpoch(deps, guild, "mod"); // epoch 1 closed; epoch 2 is open
    const { proposal } = await proposePolicy(deps, author, { weights: NEW });
    expect(await adopt(proposal.id)).toEqual({ version: 2, effectiveFromEpoch: 3 });
    expect((await evaluated(author)).policyVersion).toBe(1);
    const { proposal: second } = await proposePolicy(deps, author, {
      weights: "impact=0.25,quality=0.25,effort=0.25,alignment=0.25",
      maxPerContribution: 10n ** 18n,
    });
    expect(await adopt(second.id)).toEqual({ version: 3, effectiveFromEpoch: 3 });
    expect((await adoptedPolicyFor(deps.db, guild, 3))?.proposalId).toBe(second.id);
    await closeEpoch(deps, guild, "mod");
    const under = await evaluated(author);
    expect(under.policyVersion).toBe(3);
    // The adopted cap (1 token, the configuration says 100): the reward is computed from it.
    expect(BigInt(under.suggestedReward.toFixed())).toBe((10n ** 18n * BigInt(under.total * 100)) / 10_000n);
    // A moderator's override is capped by the adopted cap too, not by the configuration's 100 tokens.
    const override = (reward: bigint) =>
      overrideEvaluation(deps, person(), { contributionId: under.contributionId, score: 50, reward, reason: "check" });
    await expect(override(2n * 10n ** 18n)).rejects.toMatchObject({
      code: "reward_above_cap",
      context: { max: (10n ** 18n).toString() },
    });
    await expect(override(10n ** 18n)).resolves.toBeDefined();
  });
});
