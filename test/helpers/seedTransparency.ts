import { randomBytes } from "node:crypto";
import { Wallet } from "ethers";
import type { Db } from "../../src/db/openDatabase.ts";
import { type BatchEntry, batchHash, canonicalBatch } from "../../src/services/epochs/batchHash.ts";

const GUILD = "100000000000000777";

/**
 * A DAO with history, written straight to the database: `epochs` closed epochs of `perEpoch` evaluated contributions
 * by `members` members, each epoch's distribution voted, approved and settled. For load tests of the public pages.
 */
export async function seedTransparency(db: Db, o = { members: 500, epochs: 10, perEpoch: 1000 }) {
  const now = new Date();
  const members = Array.from({ length: o.members }, (_, i) => ({
    id: `m-${i}-${randomBytes(4).toString("hex")}`,
    guildId: GUILD,
    discordId: String(200000000000000000n + BigInt(i)),
    username: `member${i}`,
  }));
  await db.member.createMany({ data: members });
  const addresses = members.map((_, i) => new Wallet(`0x${(i + 1).toString(16).padStart(64, "0")}`).address);
  for (const [i, m] of members.entries()) {
    const challenge = await db.walletChallenge.create({
      data: {
        guildId: GUILD,
        memberId: m.id,
        address: addresses[i] as string,
        nonce: randomBytes(8).toString("hex"),
        message: "-",
        expiresAt: now,
      },
    });
    await db.wallet.create({
      data: {
        guildId: GUILD,
        memberId: m.id,
        address: addresses[i] as string,
        activeFor: m.id,
        activeAddress: `${GUILD}:${addresses[i]}`,
        challengeId: challenge.id,
      },
    });
  }
  const categories = ["code", "docs", "design", "research", "community", "ops"] as const;
  for (let e = 1; e <= o.epochs; e++) {
    const epoch = await db.epoch.create({
      data: {
        guildId: GUILD,
        number: e,
        status: "closed",
        startsAt: now,
        closedAt: now,
        budget: "1000000000000000000000",
      },
    });
    const rows = Array.from({ length: o.perEpoch }, (_, n) => ({
      guildId: GUILD,
      authorId: (members[n % members.length] as { id: string }).id,
      title: `Contribution ${e}-${n}`,
      titleKey: `contribution ${e}-${n}`,
      description: "Seeded for the load test of the public pages.",
      category: categories[n % categories.length] as (typeof categories)[number],
      links: [],
      status: "final" as const,
      epochId: epoch.id,
    }));
    const created = await db.contribution.createManyAndReturn({ data: rows, select: { id: true, authorId: true } });
    await db.evaluation.createMany({
      data: created.map((c) => ({
        contributionId: c.id,
        activeFor: c.id,
        evaluator: "rubric" as const,
        model: "rubric-evaluator-2",
        promptVersion: "rubric-v1",
        promptSha256: "0".repeat(64),
        rubricVersion: 1,
        inputHash: "0".repeat(64),
        temperature: 0,
        samples: 1,
        spread: 0,
        scores: [{ criterion: "impact", score: 5, weight: 1, reason: "-" }],
        total: 50,
        confidence: 0.5,
        rationale: "-",
        evidence: [],
        droppedQuotes: 0,
        flags: [],
        suggestedReward: "1000000000000000000",
        latencyMs: 1,
      })),
    });
    const byAuthor = new Map<string, number[]>();
    for (const c of created) byAuthor.set(c.authorId, [...(byAuthor.get(c.authorId) ?? []), c.id]);
    const batch: BatchEntry[] = members
      .map((m, i) => ({
        recipient: addresses[i] as string,
        amount: String(BigInt(byAuthor.get(m.id)?.length ?? 0) * 10n ** 18n),
        refs: (byAuthor.get(m.id) ?? []).map((id) => `contribution:${id}`),
      }))
      .filter((l) => l.refs.length > 0);
    const p = await db.proposal.create({
      data: {
        guildId: GUILD,
        kind: "distribution",
        authorDiscordId: "system:close-epoch",
        title: `Epoch ${e} reward distribution`,
        summary: "-",
        motivation: "-",
        specification: "-",
        risks: "-",
        successMetrics: "-",
        batch: JSON.parse(canonicalBatch(batch)),
        batchHash: batchHash(batch),
        epochId: epoch.id,
        votingType: "basic",
        choices: ["For", "Against", "Abstain"],
      },
    });
    for (const status of ["open", "passed", "awaiting_approval", "approved", "settling", "settled"] as const) {
      await db.proposal.update({ where: { id: p.id }, data: { status } });
    }
  }
  return { guildId: GUILD };
}
