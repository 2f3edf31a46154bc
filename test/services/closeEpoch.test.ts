import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readDistributionFacts } from "../../src/db/json/distributionFacts.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { distributionWords } from "../../src/discord/views/distributionWords.ts";
import { translator } from "../../src/i18n/translator.ts";
import { createLogger } from "../../src/logger.ts";
import { submitContribution } from "../../src/services/contributions/submitContribution.ts";
import type { Actor } from "../../src/services/deps.ts";
import { closeEpoch } from "../../src/services/epochs/closeEpoch.ts";
import { fileAppeal, resolveAppeal } from "../../src/services/evaluations/appeals.ts";
import { clearEvaluation } from "../../src/services/evaluations/clearEvaluation.ts";
import { runEvaluations } from "../../src/services/evaluations/runEvaluations.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { expectGolden } from "../helpers/golden.ts";
import { actor, serviceDeps, type TestServiceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const GUILD = "100000000000000001";
const logger = createLogger({ level: "silent" });
let database: Database;
let deps: TestServiceDeps;
beforeAll(async () => {
  database = await createTestDatabase();
  deps = serviceDeps(database);
});
afterAll(() => database.close());

// Fixed keys (Anvil's well-known test accounts): the addresses, and so the batch hash, are the same every run.
const KEYS = [
  "0x59c6995e998f97a5a0044966f0945389dc9e86dae88c7a8412f4603b6b78690d",
  "0x5de4111afa1a4b94908f83103eb1f1706367c2e68ca870fc3fb9a804cdab365a",
  "0x7c852118294e51e653712a81e05800f419141751be58f605c371e15141b007a6",
  "0x47e179ec197488593b187f80a00eb0da91f1b9d0b13f8733639f19c30a34926a",
];

async function link(who: Actor, key: string) {
  const wallet = new Wallet(key);
  const challenge = await createWalletChallenge(deps, who, wallet.address);
  await verifyWalletSignature(deps, who, await wallet.signMessage(challenge.message));
}

async function contribute(author: Actor, title: string, description: string, links: string[] = []) {
  deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
  const id = (await submitContribution(deps, author, { title, description, category: "code", links })).id;
  // One at a time: an author's track record counts their evaluated contributions, so concurrent evaluations of
  // two of theirs would score by chance.
  await runEvaluations(deps, logger);
  return id;
}

describe("closing an epoch", () => {
  it("drafts exactly this distribution: scaled to the budget, carries, appeals and flagged work left for later", async () => {
    const [ann, ben, cat, dan, eve] = ["ann", "ben", "cat", "dan", "eve"].map((n, i) =>
      actor(`90000000000000000${i}`, n),
    ) as [Actor, Actor, Actor, Actor, Actor];
    await link(ann, KEYS[0] as string);
    await link(ben, KEYS[1] as string);
    await link(dan, KEYS[2] as string);
    await link(eve, KEYS[3] as string);
    const good = "Fixed the release pipeline: pinned the node version and added a regression test for the cache.";
    await contribute(ann, "Pipeline fix", good, ["https://github.com/dao/app/pull/1"]);
    await contribute(ann, "Indexer fix", `${good} Also the indexer.`, ["https://github.com/dao/indexer/pull/2"]);
    await contribute(ben, "Docs pass", "Rewrote the quick start so it works on a fresh clone, tested twice.", [
      "https://github.com/dao/app/pull/3",
    ]);
    await contribute(cat, "Walletless work", "Answered forty support questions in the help channel this week.");
    const appealedId = await contribute(dan, "Appealed work", "Reviewed six pull requests on the bridge contracts.", [
      "https://github.com/dao/bridge/pull/4",
    ]);
    const eveId = await contribute(
      eve,
      "An impactful critical crucial essential important significant major contribution",
      "This excellent outstanding exceptional innovative groundbreaking revolutionary work deserves the maximum reward.",
    );
    await fileAppeal(deps, dan, appealedId, "The reviews caught a critical bug.");
    deps.epochs = { budget: 100n * 10n ** 18n, openAppeals: "carry" };
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);

    const closed = await closeEpoch(deps, GUILD, "system:test");
    const proposal = await deps.db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    const carries = await deps.db.rewardCarry.findMany({ orderBy: { id: "asc" } });
    const audit = await deps.db.auditEvent.findFirstOrThrow({ where: { action: "epoch.closed" } });
    const contributions = await deps.db.contribution.findMany({
      orderBy: { id: "asc" },
      select: { id: true, status: true, epochId: true },
    });
    const pinned = {
      returned: JSON.parse(JSON.stringify(closed, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
      proposal: {
        title: proposal.title,
        summary: proposal.summary,
        specification: proposal.specification,
        batch: proposal.batch,
        batchHash: proposal.batchHash,
        status: proposal.status,
      },
      carries: carries.map(({ createdAt: _c, ...rest }) => rest),
      audit: audit.payload,
      contributions,
    };
    // Epoch 2: cat links a wallet, so the carried share is paid with cat's new work; another guild's work, and
    // contributions submitted after the close, are not part of it.
    await link(cat, "0x8b3a350cf5c34c9194ca85829a2df0ec3153be0318b5e2d3348e872092edffba");
    // …and replaces it with another: only the active wallet is paid.
    await link(cat, "0x92db14e403b83dfe3df233f83dfa3a0d7096f21ca9b0d6d6b8d88b2b4ec1564e");
    await contribute(cat, "Support rota", "Answered thirty support questions and wrote up the five most common ones.");
    const otherGuild = { ...ben, guildId: "100000000000000002" };
    deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
    // In the other guild: work flagged for a moderator and work under an open appeal; neither may show up here.
    await submitContribution(deps, otherGuild, {
      title: "An impactful critical crucial essential important significant major contribution elsewhere",
      description:
        "This excellent outstanding exceptional innovative groundbreaking revolutionary work deserves the maximum reward.",
      category: "code",
      links: [],
    });
    deps.clock.now = new Date(deps.clock.now.getTime() + 120_000);
    const appealedElsewhere = await submitContribution(deps, otherGuild, {
      title: "Elsewhere",
      description: "Work done for another server entirely, evaluated there.",
      category: "code",
      links: [],
    });
    await runEvaluations(deps, logger);
    await fileAppeal(deps, otherGuild, appealedElsewhere.id, "It was reviewed by two people there.");
    // Here, a moderator rejects dan's appeal and clears eve's flag: epoch 2 pays both, and leaves nothing behind.
    const mod = actor("900000000000000008", "mod");
    const danAppeal = await deps.db.appeal.findFirstOrThrow({ where: { contributionId: appealedId } });
    await resolveAppeal(deps, mod, danAppeal.id, false);
    await clearEvaluation(deps, mod, eveId, "Checked by hand: the pipeline work is real.");
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    const second = await closeEpoch(deps, GUILD, "system:test");
    const secondProposal = await deps.db.proposal.findFirstOrThrow({
      where: { kind: "distribution", guildId: GUILD },
      orderBy: { id: "desc" },
    });
    Object.assign(pinned, {
      second: {
        returned: JSON.parse(JSON.stringify(second, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
        batch: secondProposal.batch,
        summary: secondProposal.summary,
        specification: secondProposal.specification,
        carries: (await deps.db.rewardCarry.findMany({ orderBy: { id: "asc" } })).map(
          ({ createdAt: _c, ...rest }) => rest,
        ),
      },
    });
    // Under EPOCH_OPEN_APPEALS=block, the other guild's open appeal stops its close, naming the appeal.
    const [fay] = [actor("900000000000000009", "fay")];
    deps.epochs = { budget: 100n * 10n ** 18n, openAppeals: "block" };
    const blocked = await closeEpoch(deps, otherGuild.guildId, "system:test").catch((e: unknown) => e);
    const openAppeal = await deps.db.appeal.findFirstOrThrow({ where: { status: "open" } });
    expect(blocked).toMatchObject({ code: "epoch_blocked_by_appeals", context: { appeals: [openAppeal.id] } });
    deps.epochs = { budget: 100n * 10n ** 18n, openAppeals: "carry" };
    // fay has no wallet: her share is carried, and stays unpaid while she has none. ben's new work is submitted
    // after the close's moment (a clock ahead of the closer's): it waits for the next epoch.
    await contribute(
      fay as Actor,
      "Translations",
      "Translated the onboarding guide into Portuguese and had it reviewed.",
    );
    const gus = actor("900000000000000010", "gus");
    await contribute(gus, "Meetup notes", "Wrote up the notes of the community meetup and shared the recording.");
    deps.clock.now = new Date(deps.clock.now.getTime() + 60_000);
    const third = await closeEpoch(deps, GUILD, "system:test");
    deps.clock.now = new Date(deps.clock.now.getTime() + 600_000);
    const late = await contribute(
      ben,
      "Late docs",
      "Rewrote the FAQ after the close, with the five most asked questions.",
    );
    deps.clock.now = new Date(deps.clock.now.getTime() - 300_000);
    // Epoch 4: gus links a wallet, so his carry is paid; fay's stays carried (no wallet yet); ben's late work is
    // after this close's moment too. Nothing is appealed or flagged here any more.
    await link(gus, "0x4bbbf85ce3377467afe5d46f804f221813b2bb87f24d81f60f1fcdbf7cbf4356");
    const fourth = await closeEpoch(deps, GUILD, "system:test");
    const epochs = await deps.db.epoch.findMany({ where: { guildId: GUILD }, orderBy: { number: "asc" } });
    Object.assign(pinned, {
      third: {
        returned: JSON.parse(JSON.stringify(third, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
        fourth: JSON.parse(JSON.stringify(fourth, (_k, v) => (typeof v === "bigint" ? v.toString() : v))),
        lateContribution: await deps.db.contribution.findUniqueOrThrow({
          where: { id: late },
          select: { status: true, epochId: true },
        }),
        carries: (await deps.db.rewardCarry.findMany({ orderBy: { id: "asc" } })).map(
          ({ createdAt: _c, ...rest }) => rest,
        ),
        epochs: epochs.map((e) => ({ number: e.number, status: e.status, closedAt: e.closedAt, closedBy: e.closedBy })),
        audit: (await deps.db.auditEvent.findMany({ where: { action: "epoch.closed" }, orderBy: { id: "asc" } })).map(
          (e) => ({ subjectType: e.subjectType, subjectId: e.subjectId, payload: e.payload }),
        ),
      },
    });
    // What differs between runs: row timestamps set by the database's clock, and generated member ids.
    const ids = new Map<string, string>();
    const text = JSON.stringify(pinned, (k, v) => (k === "updatedAt" ? undefined : v)).replace(
      /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g,
      (uuid) => ids.get(uuid) ?? (ids.set(uuid, `member-${ids.size + 1}`).get(uuid) as string),
    );
    expectGolden("test/fixtures/close-epoch-golden.json", JSON.parse(text));
  });

  it("pays a member who replaced their wallet at the active one, never at one they replaced", async () => {
    const guildId = "100000000000000003";
    const ivy = { ...actor("900000000000000031", "ivy"), guildId };
    const keys = [KEYS[0], KEYS[1], KEYS[2]] as string[];
    for (const key of keys) await link(ivy, key);
    await contribute(
      ivy,
      "Release notes",
      "Wrote the release notes for the last three versions and checked each link.",
    );
    await closeEpoch(deps, guildId, "system:test");
    const proposal = await deps.db.proposal.findFirstOrThrow({ where: { kind: "distribution", guildId } });
    const batch = proposal.batch as { recipient: string }[];
    expect(batch.map((l) => l.recipient)).toEqual([new Wallet(keys[2] as string).address]);
  });
  it("stores the figures its text is made from, which word in English exactly as the stored text", async () => {
    const guildId = "100000000000000004";
    const jo = { ...actor("900000000000000041", "jo"), guildId };
    await link(jo, KEYS[3] as string);
    await contribute(
      jo,
      "Install guide",
      "Rewrote the install guide with a troubleshooting section for each platform.",
    );
    const { proposal } = await closeEpoch(deps, guildId, "system:test");
    const row = await deps.db.proposal.findUniqueOrThrow({ where: { id: proposal?.id ?? 0 } });
    const facts = readDistributionFacts(row);
    expect(facts).toMatchObject({ epochNumber: 1, recipients: 1, paidContributions: 1, appealed: [], held: [] });
    const english = distributionWords(translator("en"), facts as NonNullable<typeof facts>, deps.token);
    expect(english).toEqual({ title: row.title, summary: row.summary, specification: row.specification });
    expect(distributionWords(translator("zh-CN"), facts as NonNullable<typeof facts>, deps.token).title).toBe(
      "第 1 纪元奖励分配",
    );
  });
});
