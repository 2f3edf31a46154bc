import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { waitForMessage } from "../helpers/governance.ts";
import { linkWallet } from "../helpers/linkWallet.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";

const STEW = 10n ** 18n;
let stack: TestStack;
beforeAll(async () => {
  // A Chinese server with a budget below what the work asks: the distribution is scaled, a floor acts, and a member
  // without a wallet is carried, so the post has figures of each kind to word.
  stack = await startTestStack({ EPOCH_BUDGET: (10n * STEW).toString(), GUILD_LOCALE: "zh-CN" });
  for (const u of ["ana", "ben", "cai"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("mod", ["Member", "Moderator"]);
  await stack.client.createUser("eva", ["Member", "Moderator"], { locale: "es-ES" });
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

describe("a distribution proposal in the server's language", () => {
  it("is posted in Chinese, shown to a Spanish moderator in Spanish, and keeps its English record", async () => {
    const db = stack.steward.container.services.db;
    await linkWallet(stack.client, "ana");
    await linkWallet(stack.client, "ben");
    await submitCodeContribution(stack.client, "ana", "Pipeline fix");
    await submitCodeContribution(stack.client, "ana", "Release tooling");
    await submitCodeContribution(stack.client, "cai", "Cache warmup job");
    finalResponse(
      await stack.client.run("ben", "contribute submit", {
        title: "Onboarding guide",
        category: "docs",
        description: "Wrote the onboarding guide for new members: setup, first contribution, voting, with screenshots.",
        link1: "https://docs.example.org/onboarding",
      }),
    );
    await stack.steward.evaluationsIdle();
    finalResponse(await stack.client.run("mod", "steward settings budget-floor", { category: "docs", share: "60%" }));
    finalResponse(await stack.client.run("mod", "epoch close"));
    const proposal = await db.proposal.findFirstOrThrow({ where: { kind: "distribution" } });
    // The record stays in English, as every close writes it.
    expect(proposal.title).toBe("Epoch 1 reward distribution");
    expect(proposal.specification).toMatch(/^Budget: 10 STEW\. Suggested total: /);

    const post = await waitForMessage(
      stack.client,
      (m) => m.embeds[0]?.title?.startsWith(`提案#${proposal.id} · `) === true,
    );
    const text = textOf(post);
    expect(post.embeds[0]?.title).toBe(`提案#${proposal.id} · 第 1 纪元奖励分配`);
    expect(text).toContain("为第 1 纪元的 3 项贡献向 2 名成员支付 10 STEW");
    expect(text).toContain("1 名成员尚无已验证的钱包：");
    expect(text).toContain("预算：10 STEW。建议总额：");
    expect(text).toContain("已按比例缩减：每份 × 预算 ÷ 总额");
    expect(text).toMatch(/类别保底：文档(先获得其 60% 的保底|申请的金额低于其 60% 的保底)/);
    expect(text).not.toMatch(/Budget:|Category floors|reward distribution|Pays /);

    const shown = finalResponse(await stack.client.run("eva", "proposal show", { proposal: proposal.id }));
    const spanish = textOf(shown);
    expect(shown.embeds[0]?.title).toContain("Reparto de recompensas de la época 1");
    expect(spanish).toContain("Paga 10 STEW a 2 miembros por 3 contribuciones de la época 1, reducido de");
    expect(spanish).toContain("1 miembro sin cartera verificada:");
    expect(spanish).toMatch(/Presupuesto: 10 STEW\. Total sugerido: .*Reducido: cada parte × presupuesto \/ total/);
    expect(spanish).toMatch(
      /Mínimos por categoría: documentación (recibió primero su mínimo del 60\u00a0%|pidió menos)/,
    );
    expect(spanish).not.toMatch(/Budget:|Category floors|reward distribution|Pays /);
  });
});
