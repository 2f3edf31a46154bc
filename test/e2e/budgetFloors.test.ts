import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";

const STEW = 10n ** 18n;
let stack: TestStack;
beforeAll(async () => {
  // A budget far below what the work asks, so the distribution is scaled and a floor matters.
  stack = await startTestStack({ EPOCH_BUDGET: (10n * STEW).toString() });
  for (const u of ["ana", "ben"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
  await stack.client.createUser("wei", ["Member", "Moderator"], { locale: "zh-CN" });
  await stack.client.createUser("eva", ["Member", "Moderator"], { locale: "es-ES" });
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

describe("category budget floors", () => {
  it("are set by moderators only, in the moderator's language, within 100% together", async () => {
    const member = finalResponse(
      await stack.client.run("ana", "steward settings budget-floor", { category: "docs", share: "15%" }),
    );
    expect(member.content).toBe("Only members with the Moderator role can do this.");
    const set = finalResponse(
      await stack.client.run("mod", "steward settings budget-floor", { category: "design", share: "30%" }),
    );
    expect(set.ephemeral).toBe(true);
    expect(set.content).toBe(
      "From the next epoch close, **design** receives at least 30% of the budget when the rewards exceed it, before the rest is shared by score (less only if its contributions asked for less).\nFloors now: design 30%; the rest (70%) is shared by score.",
    );
    const over = finalResponse(
      await stack.client.run("eva", "steward settings budget-floor", { category: "code", share: "80 %" }),
    );
    expect(over.content).toBe(
      // Spanish writes a non-breaking space before the percent sign.
      "**código** no puede tener un mínimo del 80\u00a0%: los mínimos de las demás categorías ya ocupan el 30\u00a0%, y entre todos pueden ocupar como mucho el 100\u00a0% del presupuesto. Baja antes otro mínimo. No se ha cambiado nada.",
    );
    const bad = finalResponse(
      await stack.client.run("wei", "steward settings budget-floor", { category: "code", share: "lots" }),
    );
    expect(bad.content).toBe(
      "`lots` 不是有效的预算比例：请填写 0% 到 100% 之间的百分比，例如 15% 或 12.5%（0% 表示取消保底）。",
    );
    const removed = finalResponse(
      await stack.client.run("wei", "steward settings budget-floor", { category: "design", share: "0%" }),
    );
    expect(removed.content).toBe(
      "**设计** 已不再有保底：从下一次纪元结算起，它和其他类别一样按评分分配。\n没有任何类别设置保底：奖励超出预算时，全部预算按评分分配。",
    );
    const db = stack.steward.container.services.db;
    const events = await db.auditEvent.findMany({ where: { action: "budget_floor.set" }, orderBy: { id: "asc" } });
    expect(events.map((e) => e.payload)).toEqual([
      { category: "design", previousBps: 0, shareBps: 3000 },
      { category: "design", previousBps: 3000, shareBps: 0 },
    ]);
  });

  it("change a short epoch's distribution as its proposal explains", async () => {
    const db = stack.steward.container.services.db;
    const anaWallet = await linkWallet(stack.client, "ana");
    const benWallet = await linkWallet(stack.client, "ben");
    await submitCodeContribution(stack.client, "ana", "Pipeline fix");
    await submitCodeContribution(stack.client, "ana", "Release tooling");
    const docs = finalResponse(
      await stack.client.run("ben", "contribute submit", {
        title: "Onboarding guide",
        category: "docs",
        description: "Wrote the onboarding guide for new members: setup, first contribution, voting, with screenshots.",
        link1: "https://docs.example.org/onboarding",
      }),
    );
    expect(docs.content).toMatch(/#\d+/);
    await stack.steward.evaluationsIdle();
    const set = finalResponse(
      await stack.client.run("mod", "steward settings budget-floor", { category: "docs", share: "60%" }),
    );
    expect(set.content).toContain("**docs** receives at least 60% of the budget");

    const closed = finalResponse(await stack.client.run("mod", "epoch close"));
    expect(closed.content).toMatch(/^Epoch 1 is closed/);
    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    const batch = proposal.batch as { recipient: string; amount: string }[];
    const amountOf = (address: string) => BigInt(batch.find((e) => e.recipient === address)?.amount ?? "0");
    const evaluations = await db.evaluation.findMany({ where: { activeFor: { not: null } } });
    const docsAsked = BigInt(
      evaluations
        .find((e) => e.contributionId !== null && e.activeFor === Number(/#(\d+)/.exec(docs.content)?.[1]))
        ?.suggestedReward.toFixed() ?? "0",
    );
    const floor = 6n * STEW;
    // The budget is paid exactly, and docs got its floor (or all it asked, if less) before the rest was shared.
    expect(amountOf(anaWallet.address) + amountOf(benWallet.address)).toBe(10n * STEW);
    expect(amountOf(benWallet.address) >= (docsAsked < floor ? docsAsked : floor)).toBe(true);
    expect(proposal.specification).toContain(
      docsAsked > floor
        ? "Category floors: docs received its 60% floor first: 6 STEW for 1 contribution(s), then its share of the rest by score."
        : "Category floors: docs asked for less than its 60% floor (6 STEW): its 1 contribution(s) paid in full",
    );
  });
});
