import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { policyAgreements } from "../../src/services/calibration/policyAgreements.ts";
import { componentId, proposalPost, resultPost } from "../helpers/governance.ts";
import { JURY_WORK } from "../helpers/juryWork.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const STEW = 10n ** 18n;
const HOUR = 3_600_000;
const CAP = 100n * STEW;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    EPOCH_BUDGET: (1000n * STEW).toString(),
    MAX_REWARD_PER_CONTRIBUTION: CAP.toString(),
    CALIBRATION_SAMPLE: "10%",
    JUROR_REWARD: STEW.toString(),
    CALIBRATION_MIN_AGREEMENT: "0",
    VOTING_PERIOD: "1h",
    QUORUM: "0",
  });
  for (const u of ["ann", "ben", "cat", "dan"]) await stack.client.createUser(u, ["Member"]);
  for (const u of ["jo", "jay"]) await stack.client.createUser(u, ["Member", "Juror"]);
  await stack.client.createUser("mod1", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const db = () => stack.steward.container.services.db;

const WORK = JURY_WORK;
type Work = (typeof WORK)[number];

async function submit(w: Work) {
  const opened = await stack.client.run(w.user, "contribute submit", { title: w.title, category: "code" });
  const form = opened.responses.find((r) => r.kind === "modal");
  if (!form?.customId) throw new Error("the contribution form did not open");
  await stack.client.submitModal(w.user, form.customId, {
    title: w.title,
    description: w.description,
    links: w.links.join("\n"),
  });
  await stack.steward.evaluationsIdle();
  const c = await db().contribution.findFirstOrThrow({ where: { title: w.title }, orderBy: { id: "desc" } });
  return db().evaluation.findUniqueOrThrow({ where: { activeFor: c.id } });
}

/** A juror scores every item left for them, blind: impact as the evidence ranks the work, the rest flat. */
async function scoreAll(juror: string, offset: number) {
  for (let n = 0; n < 6; n++) {
    const next = finalResponse(await stack.client.run(juror, "jury next"));
    if (next.embeds.length === 0) return;
    const text = textOf(next);
    const rank = WORK.findIndex((w) => text.includes(w.title));
    const modal = finalResponse(
      await stack.client.click(juror, next.messageId as string, componentId(next, "Score it")),
    ) as { customId?: string };
    finalResponse(
      await stack.client.submitModal(juror, modal.customId as string, {
        impact: String(Math.min(10, 2 + 2 * rank + offset)),
        quality: "5",
        effort: "5",
        alignment: "5",
      }),
    );
  }
  throw new Error("the jury never ran out of items");
}

async function vote(user: string, proposalId: number, label: string) {
  const post = await proposalPost(stack.client, proposalId, label);
  return finalResponse(await stack.client.click(user, post.id, componentId(post, label)));
}

const scoresOf = (e: { scores: unknown }) => e.scores as { criterion: string; score: number }[];
/** The rubric's weighted total (0-100) of stored criterion scores under the given weights. */
const totalUnder = (e: { scores: unknown }, weights: Record<string, number>) => {
  const s = scoresOf(e);
  const sum = s.reduce((n, x) => n + (weights[x.criterion] ?? 0), 0);
  return Math.round((s.reduce((n, x) => n + (x.score / 10) * (weights[x.criterion] ?? 0), 0) / sum) * 100);
};
const rewardFor = (total: number) => (CAP * BigInt(Math.round(total * 100))) / 10_000n;

const NEW_WEIGHTS = { impact: 0.7, quality: 0.1, effort: 0.1, alignment: 0.1 };

describe("the members govern the evaluation policy", () => {
  it("a policy change is proposed, shows its re-scored agreement, is voted and takes effect at the next epoch", async () => {
    for (const u of ["jo", "jay", ...WORK.map((w) => w.user)]) await linkWallet(stack.client, u);
    const before = [];
    for (const w of WORK) before.push(await submit(w));
    expect(before.every((e) => e.policyVersion === 1)).toBe(true);
    await scoreAll("jo", 0);
    await scoreAll("jay", 1);
    expect(await db().jurorReview.count()).toBe(6);

    // Refused, in words: weights that do not sum to 1, or name a criterion the rubric does not have.
    const badSum = finalResponse(
      await stack.client.run("ann", "policy propose", { weights: "impact=0.5,quality=0.5,effort=0.5,alignment=0.5" }),
    );
    expect(badSum.content).toBe(
      "That policy cannot be proposed: the weights add up to 2, not 1 (they are shares of the score).",
    );
    const unknown = finalResponse(await stack.client.run("ann", "policy propose", { weights: "speed=1" }));
    expect(unknown.content).toBe(
      'That policy cannot be proposed: "speed" is not a criterion of the active rubric (its criteria: impact, quality, effort, alignment).',
    );
    expect(await db().proposal.count({ where: { kind: "policy" } })).toBe(0);

    const weights = Object.entries(NEW_WEIGHTS)
      .map(([k, v]) => `${k}=${v}`)
      .join(",");
    const proposed = finalResponse(
      await stack.client.run("ann", "policy propose", { weights, reason: "Impact is what the jury rewards." }),
    );
    const id = Number(/proposal #(\d+)/.exec(proposed.content)?.[1]);
    expect(proposed.content).toContain(`Proposed as proposal #${id} (policy, draft): impact weight 0.35 → 0.7`);
    const stored = await db().policyProposal.findUniqueOrThrow({ where: { proposalId: id } });
    expect(stored.baseVersion).toBe(1);
    const rescoring = stored.rescoring as {
      method: string;
      active: { items: number; overall: { spearman: number } };
      candidate: { items: number; overall: { spearman: number } };
    };
    expect(rescoring.method).toBe("rubric_recomputed");
    expect(rescoring.active.items).toBe(3);
    expect(rescoring.candidate.items).toBe(3);

    // The post shows the diff, and both versions' agreement with the jury on the same items, with the sample size.
    const post = textOf((await proposalPost(stack.client, id)) as never);
    expect(post).toContain("Policy change (from v1)");
    for (const line of [
      "impact weight 0.35 → 0.7",
      "quality weight 0.25 → 0.1",
      "effort weight 0.2 → 0.1",
      "alignment weight 0.2 → 0.1",
    ])
      expect(post).toContain(line);
    expect(post).toMatch(/Active v1: -?\d\.\d\d \(Spearman\); mean difference \d+\.\d points/);
    expect(post).toMatch(/Candidate: -?\d\.\d\d \(Spearman\); mean difference \d+\.\d points/);
    expect(post).toContain("On 3 jury-reviewed item(s) of epoch 1, 2 juror(s), 6 review(s).");
    expect(post).toContain("If the vote passes: from the next epoch on.");
    const shown = textOf(finalResponse(await stack.client.run("ben", "proposal show", { proposal: id })));
    expect(shown).toContain("Re-scored agreement with the jury");

    // Voted like any general proposal: a moderator opens it, members vote with the buttons, close-votes decides.
    finalResponse(await stack.client.run("mod1", "proposal open", { proposal: id }));
    for (const u of ["ann", "ben", "cat"]) await vote(u, id, "For");
    stack.advanceClock(HOUR + 1000);
    const result = await resultPost(stack.client, id);
    expect(result.embeds[0]?.title).toBe(`Proposal #${id} · Passed`);
    expect(textOf(result as never)).toContain("Adopted as policy v2: evaluations follow it from epoch 2 on");
    const adopted = await db().policyProposal.findUniqueOrThrow({ where: { proposalId: id } });
    expect(adopted).toMatchObject({ adoptedVersion: 2, effectiveFromEpoch: 2 });
    expect(await db().auditEvent.count({ where: { action: "policy.adopted" } })).toBe(1);
    // No money moves for a policy proposal.
    expect((await db().proposal.findUniqueOrThrow({ where: { id } })).status).toBe("passed");
    expect(await db().payoutIntent.count({ where: { proposalId: id } })).toBe(0);

    // This epoch's evaluations keep the old version and weights.
    const late = await submit({ ...WORK[3], title: "Bridge audit, part two" } as Work);
    expect(late.policyVersion).toBe(1);
    expect(late.total).toBe(totalUnder(late, { impact: 0.35, quality: 0.25, effort: 0.2, alignment: 0.2 }));

    const closed = finalResponse(await stack.client.run("mod1", "epoch close"));
    const distribution = Number(/proposal #(\d+)/i.exec(closed.content)?.[1]);
    const batch = (await db().proposal.findUniqueOrThrow({ where: { id: distribution } })).batch as {
      refs: string[];
    }[];
    // The policy version that computed the rewards is in the batch the hash binds.
    expect(
      batch.filter((l) => l.refs.some((r) => r.startsWith("contribution:"))).every((l) => l.refs.includes("policy:1")),
    ).toBe(true);

    // The next epoch's evaluations carry the new version and use the new weights: the reward follows them.
    const next = await submit({ ...WORK[3], title: "Bridge audit, epoch two" } as Work);
    expect(next.policyVersion).toBe(2);
    expect(next.rubricVersion).toBe(2);
    const newTotal = totalUnder(next, NEW_WEIGHTS);
    expect(next.total).toBe(newTotal);
    expect(newTotal).not.toBe(totalUnder(next, { impact: 0.35, quality: 0.25, effort: 0.2, alignment: 0.2 }));
    expect(BigInt(next.suggestedReward.toFixed())).toBe(rewardFor(newTotal));

    // The transparency page's versions: v2 names the vote that adopted it and the first epoch it governs.
    const versions = await policyAgreements(db(), stored.guildId);
    expect(versions.map((v) => [v.version, v.adoptedBy])).toEqual([
      [2, { proposalId: id, effectiveFromEpoch: 2 }],
      [1, null],
    ]);
    expect(versions[1]?.byEpoch.map((e) => [e.epoch, e.jury.items])).toEqual([[1, 3]]);

    const show = textOf(finalResponse(await stack.client.run("cat", "policy show")));
    expect(show).toContain("Active v2 · epoch 2");
    expect(show).toContain(`Source: adopted by proposal #${id}, in effect since epoch 2`);
    expect(show).toContain("Weights: impact=0.7, quality=0.1, effort=0.1, alignment=0.1");
    expect(show).toContain(
      "The adopted policy wins until a later vote. The configuration says: impact weight 0.35 (adopted: 0.7); quality weight 0.25 (adopted: 0.1)",
    );
    expect(show).toMatch(/v1 \(\d+ evaluation\(s\)\): -?\d\.\d\d \(Spearman\)/);
  }, 180_000);
});
