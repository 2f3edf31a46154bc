import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, selectId } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { until } from "../helpers/until.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({ VOTING_PERIOD: "48h", QUORUM: "3", APPROVALS_REQUIRED: "2" });
  await stack.client.createUser("lin", ["Member"], { locale: "zh-CN" });
  await stack.client.createUser("sol", ["Member"], { locale: "es-ES" });
  await stack.client.createUser("amy", ["Member"], { locale: "en-GB" });
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

describe("/start, the newcomer's guide", () => {
  it("guides a Chinese-speaking newcomer in Chinese, and its controls open the wallet and contribution forms", async () => {
    const guide = finalResponse(await stack.client.run("lin", "start"));
    expect(guide.ephemeral).toBe(true);
    expect(guide.embeds[0]?.title).toBe("欢迎使用 Steward");
    expect(textOf(guide)).toContain("尚未绑定：你的奖励会等到绑定钱包后再发放");
    // No policy was adopted by a vote here: the guide says the rubric is the server's configuration.
    expect(textOf(guide)).toContain("依据本服务器配置的评分标准");
    expect(textOf(guide)).toContain("你还没有提交任何内容。");
    expect(guide.embeds[0]?.fields?.map((f) => f.name)).toEqual([
      "工作如何评估",
      "1. 绑定钱包",
      "2. 提交你的工作",
      "3. 投票",
    ]);
    const walletForm = finalResponse(
      await stack.client.click("lin", guide.messageId as string, componentId(guide, "绑定我的钱包")),
    );
    expect(walletForm).toMatchObject({ kind: "modal", title: "绑定你的钱包" });
    const menu = guide.components.flatMap((r) => r.components ?? []).find((c) => c.type === 3);
    expect(menu?.options?.map((o) => o.label)).toEqual([
      "代码",
      "文档与翻译",
      "设计",
      "研究",
      "社区与活动",
      "运维",
      "其他",
    ]);
    const form = finalResponse(await stack.client.click("lin", guide.messageId as string, selectId(guide), ["docs"]));
    expect(form.kind).toBe("modal");
    const submitted = finalResponse(
      await stack.client.submitModal("lin", form.customId as string, {
        title: "翻译入门指南",
        description: "把新成员入门指南翻译成了中文，包括钱包绑定和投票两节。",
        links: "https://docs.example.org/zh/onboarding",
      }),
    );
    expect(submitted.content).toMatch(/#\d+/);
    const after = finalResponse(await stack.client.run("lin", "start"));
    expect(textOf(after)).toContain("你已提交 1 项贡献");
  });

  it("explains this server's voting rules in Spanish, and starts linking a wallet from the form", async () => {
    const guide = finalResponse(await stack.client.run("sol", "start"));
    expect(guide.embeds[0]?.title).toBe("Te damos la bienvenida a Steward");
    const rules = finalResponse(
      await stack.client.click("sol", guide.messageId as string, componentId(guide, "Cómo funcionan las votaciones")),
    );
    expect(rules.ephemeral).toBe(true);
    expect(rules.content).toContain("Cada votación está abierta 2 días");
    expect(rules.content).toContain("una vez alcanzado el cuórum de 3");
    expect(rules.content).toContain("cuando lo aprueban 2 moderadores, nunca uno que lo cobre");
    const form = finalResponse(
      await stack.client.click("sol", guide.messageId as string, componentId(guide, "Vincular mi cartera")),
    );
    const challenge = finalResponse(
      await stack.client.submitModal("sol", form.customId as string, {
        address: "0x000000000000000000000000000000000000dEaD",
      }),
    );
    expect(challenge.ephemeral).toBe(true);
    expect(challenge.content).toContain("0x000000000000000000000000000000000000dEaD");
  });

  it("speaks English to an English client, and a language Steward lacks falls back to the server's", async () => {
    const guide = finalResponse(await stack.client.run("amy", "start"));
    expect(guide.embeds[0]?.title).toBe("Welcome to Steward");
    expect(textOf(guide)).toContain("Not linked yet: your rewards wait for a wallet");
    await stack.client.createUser("jan", ["Member"], { locale: "nl" });
    await stack.client.setGuildLocale("es-ES");
    const dutch = finalResponse(await stack.client.run("jan", "start"));
    expect(dutch.embeds[0]?.title).toBe("Te damos la bienvenida a Steward");
    await stack.client.setGuildLocale("en-US");
  });

  // Last: the Mentor role it makes adds the mentor step to every guide after it.
  it("offers a mentor only to a newcomer: a member already paid sees why there is none, and no button", async () => {
    const made = await stack.client.request<{ id: string }>("POST", "/sandbox/roles", { name: "Mentor" });
    const guild = stack.steward.client.guilds.cache.get(stack.sandbox.guildId);
    await until("the Mentor role to reach the bot", async () => guild?.roles.cache.has(made.body.id) === true);
    await stack.client.createUser("pat", ["Member"], { locale: "en-US" });
    await stack.client.createUser("nia", ["Member"], { locale: "en-US" });
    finalResponse(
      await stack.client.run("pat", "contribute submit", {
        title: "Release checklist",
        category: "docs",
        description: "Wrote the release checklist: tagging, changelog, announcing, and rolling back a bad release.",
        link1: "https://docs.example.org/release",
      }),
    );
    // Paid by an earlier epoch's distribution: no longer a newcomer.
    const db = stack.steward.container.services.db;
    await db.contribution.updateMany({ where: { author: { username: "pat" } }, data: { status: "final" } });

    const buttons = (g: ReturnType<typeof finalResponse>) =>
      g.components.flatMap((r) => r.components ?? []).map((c) => c.label);
    const paid = finalResponse(await stack.client.run("pat", "start"));
    expect(paid.embeds[0]?.fields?.find((f) => f.name === "5. A mentor")?.value).toBe(
      "Mentors guide newcomers until their first contribution is paid; one of yours already has been.",
    );
    expect(buttons(paid)).not.toContain("Find a mentor");
    const fresh = finalResponse(await stack.client.run("nia", "start"));
    expect(buttons(fresh)).toContain("Find a mentor");
  });
});
