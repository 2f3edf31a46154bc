import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../../src/db/openDatabase.ts";
import { runAudited } from "../../../src/services/audit/runAudited.ts";
import { configuredPolicy } from "../../../src/services/evaluations/evaluationPolicy.ts";
import { activePolicy, adoptedPolicyFor, evaluationEpochNumber } from "../../../src/services/policy/activePolicy.ts";
import { adoptPolicy } from "../../../src/services/policy/adoptPolicy.ts";
import { serviceDeps, type TestServiceDeps } from "../../helpers/serviceDeps.ts";
import { createTestDatabase } from "../../helpers/testDatabase.ts";

// Which policy governs an epoch, from adoption rows set by hand (issue 22, §4): the epoch an evaluation made now
// belongs to, the latest adoption in effect, never another guild's, and adoption's audit.
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

const T0 = new Date("2026-01-01T00:00:00Z");
const at = (minutes: number) => new Date(T0.getTime() + minutes * 60_000);

async function epoch(guildId: string, number: number, open = false) {
  await deps.db.epoch.create({
    data: {
      guildId,
      number,
      status: open ? "open" : "closed",
      openFor: open ? guildId : null,
      startsAt: T0,
      budget: "0",
      closedAt: open ? null : T0,
    },
  });
}

async function adoption(
  guildId: string,
  proposalId: number,
  adopted: { version: number; from: number; at: Date } | null,
  marker = `p${proposalId}`,
) {
  await deps.db.policyProposal.create({
    data: {
      proposalId,
      guildId,
      baseVersion: 1,
      content: { marker },
      sha256: `sha-${proposalId}`,
      rescoring: {},
      createdAt: T0,
      adoptedVersion: adopted?.version ?? null,
      effectiveFromEpoch: adopted?.from ?? null,
      adoptedAt: adopted?.at ?? null,
    },
  });
}

describe("the epoch an evaluation made now belongs to", () => {
  it("is the open epoch, else the one after the guild's last, never counting another guild's", async () => {
    await epoch("100000000000000881", 7);
    expect(await evaluationEpochNumber(deps.db, "100000000000000882")).toBe(1);
    await epoch("100000000000000882", 1);
    await epoch("100000000000000882", 2);
    expect(await evaluationEpochNumber(deps.db, "100000000000000882")).toBe(3);
    await epoch("100000000000000882", 3, true);
    expect(await evaluationEpochNumber(deps.db, "100000000000000882")).toBe(3);
  });
});

describe("the policy adopted for an epoch", () => {
  it("is the latest adoption effective from that epoch or before: not a later one's, not another guild's", async () => {
    const g = "100000000000000883";
    const other = "100000000000000884";
    expect(await adoptedPolicyFor(deps.db, g, 5)).toBeNull();
    await adoption(other, 883001, { version: 9, from: 1, at: at(0) });
    // Proposed but not adopted: not in force.
    await adoption(g, 883002, null);
    expect(await adoptedPolicyFor(deps.db, g, 5)).toBeNull();
    // Effective from 3, adopted first; then one effective from 2 adopted later: for epoch 3 and on, the first.
    await adoption(g, 883003, { version: 2, from: 3, at: at(1) });
    await adoption(g, 883004, { version: 3, from: 2, at: at(2) });
    expect(await adoptedPolicyFor(deps.db, g, 1)).toBeNull();
    expect(await adoptedPolicyFor(deps.db, g, 2)).toEqual({
      proposalId: 883004,
      version: 3,
      effectiveFromEpoch: 2,
      content: { marker: "p883004" },
    });
    expect((await adoptedPolicyFor(deps.db, g, 3))?.proposalId).toBe(883003);
    expect((await adoptedPolicyFor(deps.db, g, 9))?.proposalId).toBe(883003);
    expect((await adoptedPolicyFor(deps.db, other, 9))?.proposalId).toBe(883001);
  });

  it("among adoptions for the same epoch: the one adopted last, then the higher proposal", async () => {
    const g = "100000000000000885";
    await adoption(g, 885002, { version: 3, from: 4, at: at(5) });
    await adoption(g, 885001, { version: 2, from: 4, at: at(6) });
    expect((await adoptedPolicyFor(deps.db, g, 4))?.proposalId).toBe(885001);
    const h = "100000000000000886";
    await adoption(h, 886001, { version: 2, from: 4, at: at(5) });
    await adoption(h, 886002, { version: 3, from: 4, at: at(5) });
    await adoption(h, 886000, { version: 4, from: 4, at: at(5) });
    expect((await adoptedPolicyFor(deps.db, h, 4))?.proposalId).toBe(886002);
  });

  it("activePolicy: the configuration's until one is adopted for the current epoch, then the adopted one", async () => {
    const g = "100000000000000887";
    await epoch(g, 1);
    await adoption(g, 887001, { version: 2, from: 3, at: at(0) });
    const before = await activePolicy(deps.db, deps.evaluation, g);
    expect(before).toEqual({ content: configuredPolicy(deps.evaluation), adopted: null, epochNumber: 2 });
    await epoch(g, 3, true);
    const after = await activePolicy(deps.db, deps.evaluation, g);
    expect(after.epochNumber).toBe(3);
    expect(after.content).toEqual({ marker: "p887001" });
    expect(after.adopted?.proposalId).toBe(887001);
  });
});

describe("adopting a policy", () => {
  it("records a version effective from the next epoch, audited; adopts nothing for no candidate or twice", async () => {
    const g = "100000000000000888";
    await epoch(g, 4, true);
    const content = configuredPolicy(deps.evaluation);
    content.caps.maxPerContribution = "12345";
    await deps.db.policyProposal.create({
      data: {
        proposalId: 888001,
        guildId: g,
        baseVersion: 1,
        content: content as object,
        sha256: "candidate-sha",
        rescoring: {},
        createdAt: T0,
      },
    });
    const adopt = (id: number) =>
      runAudited(deps.db, (tx) => adoptPolicy(tx, { id, guildId: g }, "system:vote", at(9)));
    expect(await adopt(888999)).toBeNull();
    const adopted = await adopt(888001);
    expect(adopted?.effectiveFromEpoch).toBe(5);
    const version = adopted?.version as number;
    expect(await deps.db.policyProposal.findUniqueOrThrow({ where: { proposalId: 888001 } })).toMatchObject({
      adoptedVersion: version,
      effectiveFromEpoch: 5,
      adoptedAt: at(9),
    });
    const audits = await deps.db.auditEvent.findMany({ where: { guildId: g, action: "policy.adopted" } });
    expect(audits).toHaveLength(1);
    expect(audits[0]).toMatchObject({
      actorId: "system:vote",
      action: "policy.adopted",
      subjectType: "policy",
      subjectId: String(version),
      payload: { proposalId: 888001, version, sha256: "candidate-sha", baseVersion: 1, effectiveFromEpoch: 5 },
    });
    const count = await deps.db.auditEvent.count({ where: { guildId: g } });
    expect(await adopt(888001)).toBeNull();
    expect(await deps.db.auditEvent.count({ where: { guildId: g } })).toBe(count);
  });
});
