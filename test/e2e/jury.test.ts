import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, proposalPost, waitForMessage } from "../helpers/governance.ts";
import { JURY_WORK } from "../helpers/juryWork.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

const STEW = 10n ** 18n;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    EPOCH_BUDGET: (1000n * STEW).toString(),
    CALIBRATION_SAMPLE: "10%",
    JUROR_REWARD: STEW.toString(),
    CALIBRATION_MIN_AGREEMENT: "0.5",
  });
  for (const u of ["ann", "ben", "cat", "dan"]) await stack.client.createUser(u, ["Member"]);
  for (const u of ["jo", "jay"]) await stack.client.createUser(u, ["Member", "Juror"]);
  await stack.client.createUser("mod1", ["Member", "Moderator"]);
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

const db = () => stack.steward.container.services.db;

const WORK = JURY_WORK;

async function submit(w: (typeof WORK)[number]) {
  const opened = await stack.client.run(w.user, "contribute submit", { title: w.title, category: "code" });
  const form = opened.responses.find((r) => r.kind === "modal");
  if (!form?.customId) throw new Error("the contribution form did not open");
  await stack.client.submitModal(w.user, form.customId, {
    title: w.title,
    description: w.description,
    links: w.links.join("\n"),
  });
}

/** A juror scores every item left for them, blind, through /jury next, "Score it" and the form. */
const buttons: { messageId: string; customId: string }[] = [];
async function scoreAll(juror: string, score: (title: string) => number, epoch = 1, works = WORK) {
  const seen: string[] = [];
  for (;;) {
    const next = finalResponse(await stack.client.run(juror, "jury next"));
    if (next.embeds.length === 0) {
      expect(next.content).toMatch(new RegExp(`^Nothing left for you in epoch ${epoch}'s sample of 3`));
      return seen;
    }
    const text = textOf(next);
    // Blind: no author (name or mention), no contribution id, no model score or reasoning.
    for (const w of works) expect(text).not.toMatch(new RegExp(`\\b${w.user}\\b`, "i"));
    expect(text).not.toMatch(/<@|#\d|total|reward|STEW/i);
    expect(text).toContain(`Blind review for epoch ${epoch}`);
    const title = works.find((w) => text.includes(w.title))?.title as string;
    seen.push(title);
    buttons.push({ messageId: next.messageId as string, customId: componentId(next, "Score it") });
    const modal = finalResponse(
      await stack.client.click(juror, next.messageId as string, componentId(next, "Score it")),
    ) as { kind: string; customId?: string };
    expect(modal.kind).toBe("modal");
    const s = String(score(title));
    const recorded = finalResponse(
      await stack.client.submitModal(juror, modal.customId as string, {
        impact: s,
        quality: s,
        effort: s,
        alignment: s,
      }),
    );
    expect(recorded.content).toMatch(/^Recorded your scores for jury item \d+: impact \d+, quality/);
    if (seen.length > 5) throw new Error("the jury never ran out of items");
  }
}

describe("the blind jury end to end", () => {
  it("an epoch draws a sample, two jurors score blind through /jury, the distribution shows agreement", async () => {
    const jo = await linkWallet(stack.client, "jo");
    const jay = await linkWallet(stack.client, "jay");
    for (const w of WORK) await linkWallet(stack.client, w.user);
    for (const w of WORK) await submit(w);
    await stack.steward.evaluationsIdle();

    // Not a juror: refused before anything is drawn.
    expect(finalResponse(await stack.client.run("ann", "jury next")).content).toBe(
      "Only members with the Juror role can do this.",
    );
    expect(await db().calibrationSample.count()).toBe(0);

    // More evidence, higher scores: the jurors rank the work as the evidence does.
    const rank = (title: string) => WORK.findIndex((w) => w.title === title);
    const joSaw = await scoreAll("jo", (t) => 2 + 2 * rank(t));
    const jaySaw = await scoreAll("jay", (t) => 3 + 2 * rank(t));
    expect(joSaw).toHaveLength(3);
    expect([...jaySaw].sort()).toEqual([...joSaw].sort());
    const sample = await db().calibrationSample.findFirstOrThrow({ include: { items: true } });
    expect(sample.items).toHaveLength(3);
    expect(await db().jurorReview.count()).toBe(6);

    // A second review of the same item is refused (the old message's button still opens the form).
    const first = buttons[0] as { messageId: string; customId: string };
    const item = Number(first.customId.split(":")[2]);
    const form = finalResponse(await stack.client.click("jo", first.messageId, first.customId)) as {
      customId?: string;
    };
    const again = finalResponse(
      await stack.client.submitModal("jo", form.customId as string, {
        impact: "1",
        quality: "1",
        effort: "1",
        alignment: "1",
      }),
    );
    expect(again.content).toBe(`You already scored jury item ${item}. Each juror scores an item once.`);

    const status = textOf(finalResponse(await stack.client.run("jo", "epoch status")));
    expect(status).toMatch(/Blind jury \(so far\)\nJury agreement: -?\d\.\d\d \(Spearman, 3 item\(s\), 2 juror\(s\)\)/);

    const closed = finalResponse(await stack.client.run("mod1", "epoch close"));
    const id = Number(/proposal #(\d+)/i.exec(closed.content)?.[1]);
    const proposal = await db().proposal.findUniqueOrThrow({ where: { id } });
    const text = textOf((await proposalPost(stack.client, id)) as never);
    expect(text).toMatch(
      /Jury agreement: -?\d\.\d\d \(Spearman, 3 item\(s\), 2 juror\(s\)\); mean difference \d+\.\d points\./,
    );
    expect(text).toContain("Jurors: 6 STEW for 6 completed review(s) by 2 juror(s)");
    // Each juror's line: 1 STEW per completed review, in the batch members vote on.
    const batch = proposal.batch as { recipient: string; amount: string; refs: string[] }[];
    for (const wallet of [jo, jay]) {
      const line = batch.find((e) => e.recipient.toLowerCase() === wallet.address.toLowerCase());
      expect(line?.amount).toBe((3n * STEW).toString());
      expect(line?.refs.filter((r) => r.startsWith("jury:"))).toHaveLength(3);
    }
  }, 120_000);

  it("below CALIBRATION_MIN_AGREEMENT: moderators are told, the distribution says so, disagreeing evaluations are held", async () => {
    // Epoch 2: new work, ranked by evidence as before; the jurors rank it the other way round, far from the model.
    const NEXT: typeof WORK = [
      { user: "ann", title: "Logo", description: "Resized the logo.", links: [] },
      {
        user: "ben",
        title: "Faucet",
        description: "Built a testnet faucet for new members with rate limits per account and an admin page.",
        links: ["https://github.com/dao/faucet/pull/31"],
      },
      {
        user: "cat",
        title: "Gas report",
        description:
          "Measured gas of every treasury call and cut the distributor's settle cost by a third, with tests.",
        links: ["https://github.com/dao/contracts/pull/32", "https://github.com/dao/contracts/issues/33"],
      },
      {
        user: "dan",
        title: "Key ceremony",
        description: "Ran the signer key ceremony for the new Safe, documented each step, and rotated two old keys.",
        links: [
          "https://github.com/dao/ops/pull/34",
          "https://github.com/dao/ops/commit/89abcdef0123456789abcdef0123456789abcdef",
          "https://github.com/dao/ops/issues/35",
        ],
      },
    ];
    for (const w of NEXT) await submit(w);
    await stack.steward.evaluationsIdle();
    const rank = (title: string) => NEXT.findIndex((w) => w.title === title);
    await scoreAll("jo", (t) => 9 - 3 * rank(t), 2, NEXT);
    await scoreAll("jay", (t) => 9 - 3 * rank(t), 2, NEXT);

    const closed = finalResponse(await stack.client.run("mod1", "epoch close"));
    const id = Number(/proposal #(\d+)/i.exec(closed.content)?.[1]);
    const text = textOf((await proposalPost(stack.client, id)) as never);
    expect(text).toMatch(
      /Jury agreement: -\d\.\d\d \(Spearman, 3 item\(s\), 2 juror\(s\)\).*Below the minimum of 0\.50/s,
    );
    expect(text).toContain(
      "Policy (hold): held for a moderator, paying nothing in this distribution until a person clears them: #",
    );
    const note = await waitForMessage(stack.client, (m) =>
      m.content.includes("The blind jury disagrees with the model in epoch 2"),
    );
    expect(note.content).toMatch(/Held for your review, paying nothing until cleared: #\d+/);
    expect(note.content).toContain(`Check distribution #${id} before it is voted.`);
    // The held evaluations are flagged and out of the batch members vote on.
    const held = await db().evaluation.findMany({
      where: { flags: { has: "jury_disagrees" }, activeFor: { not: null } },
    });
    expect(held.length).toBeGreaterThan(0);
    const batch = (await db().proposal.findUniqueOrThrow({ where: { id } })).batch as { refs: string[] }[];
    for (const e of held) expect(batch.some((l) => l.refs.includes(`contribution:${e.contributionId}`))).toBe(false);
  }, 120_000);
});
