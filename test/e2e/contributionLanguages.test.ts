import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

/** Member text is never translated: a Chinese member writes Chinese, a Spanish member Spanish. */
const chinese = {
  title: "修复快速入门文档",
  category: "docs",
  description:
    "快速入门在Node 20上因缺少一个参数而失败。\n\n- 修复了安装脚本\n- 添加了CI检查，防止再次出错\n\n已在全新克隆上测试。",
  link1: "https://github.com/steward/steward/pull/42",
  hours: 3,
};
const spanish = {
  title: "Traducción de la guía de inicio",
  category: "docs",
  description:
    "Traduje la guía de inicio rápido al español y revisé cada comando en una instalación limpia.\n\n- Guía completa\n- Capturas actualizadas",
  hours: 4,
};

describe("contributions, evaluations and appeals in the member's language, public posts in the guild's", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({ APPEAL_WINDOW: "1h" });
    await stack.client.createUser("li", ["Member"], { locale: "zh-CN" });
    await stack.client.createUser("lucia", ["Member"], { locale: "es-ES" });
    // A moderator whose Discord is in English: deciding a public post keeps the post in the guild's language.
    await stack.client.createUser("mo", ["Member", "Moderator"]);
    // The server's own language is Spanish: its public posts are Spanish whoever wrote what they announce.
    await stack.client.setGuildLocale("es-ES");
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.expectNoSpecViolations());

  it("a zh-CN member submits through a Chinese form, reads the reply, the list and the evaluation in Chinese; #contributions is Spanish", async () => {
    const { description, ...options } = chinese;
    const opened = await stack.client.run("li", "contribute submit", options);
    const form = opened.responses.find((r) => r.kind === "modal");
    expect(form?.title).toBe("提交贡献");
    const submitted = finalResponse(
      await stack.client.submitModal("li", form?.customId as string, {
        title: chinese.title,
        description,
        links: chinese.link1,
      }),
    );
    expect(submitted.ephemeral).toBe(true);
    const id = Number(/#(\d+)/.exec(submitted.content)?.[1]);
    // What follows the sentence says where the public post is (the post notes' own words).
    expect(submitted.content.startsWith(`贡献**#${id}**“修复快速入门文档”已提交，正在等待评估。`)).toBe(true);
    await stack.steward.evaluationsIdle();

    const list = finalResponse(await stack.client.run("li", "contribute list"));
    expect(list.embeds[0]?.title).toBe("你的贡献");
    expect(list.embeds[0]?.description).toMatch(
      new RegExp(`^\\*\\*#${id}\\*\\* · 修复快速入门文档 · 文档 · 已评估 · <@\\d+> · <t:\\d+:f>$`),
    );
    expect(list.embeds[0]?.footer?.text).toBe("第1页，共1页 · 共1项");

    const shown = finalResponse(await stack.client.run("li", "contribute show", { id }));
    expect(shown.embeds[0]?.fields?.slice(0, 2)).toEqual([
      { name: "类别", value: "文档", inline: true },
      { name: "状态", value: "已评估", inline: true },
    ]);

    const evaluation = finalResponse(await stack.client.run("li", "evaluation show", { contribution: id }));
    const embed = evaluation.embeds[0];
    expect(embed?.title).toBe(`#${id}的评估 · 修复快速入门文档`);
    const text = textOf(evaluation);
    for (const criterion of ["影响", "质量", "投入", "契合度"])
      expect(text).toMatch(new RegExp(`${criterion} — [\\d.]+/10（权重\\d+%）`));
    expect(text).toMatch(/总分\n\d+\/100/);
    expect(text).toMatch(/建议奖励\n[\d.,]+ STEW/);
    expect(text).toMatch(/置信度\n\d+%/);
    expect(embed?.footer?.text).toMatch(/^评估方：.+ · 评分细则v1$/);

    // The public posts speak the guild's language (es-ES), not the author's.
    const posts = await stack.client.messages("contributions");
    const post = posts.find((m) => m.embeds[0]?.title === `#${id} · 修复快速入门文档`);
    expect(post?.embeds[0]?.fields?.slice(0, 2)).toEqual([
      { name: "Categoría", value: "documentación", inline: true },
      { name: "Estado", value: expect.stringMatching(/^(enviada|en evaluación|evaluada)$/), inline: true },
    ]);
    expect(post?.embeds[0]?.footer?.text).toBe(`Steward · contribución #${id}`);
    const evaluated = posts.find((m) => m.embeds[0]?.title === `Evaluación de #${id} · 修复快速入门文档`);
    const li = (await stack.client.state()).users.find((u) => u.username === "li");
    expect(evaluated?.content).toBe(`<@${li?.id}>, tu contribución **#${id}** ya está evaluada.`);
    expect(textOf(evaluated as never)).toMatch(/impacto — [\d,]+\/10 \(peso \d+\u00a0%\)/);
    expect(textOf(evaluated as never)).toContain("Recompensa sugerida");
  });

  it("an es-ES member's appeal is answered in Spanish, and its public post with its buttons is Spanish", async () => {
    const reply = finalResponse(await stack.client.submitContribution("lucia", spanish));
    expect(reply.content.startsWith("La contribución **#")).toBe(true);
    const id = Number(/#(\d+)/.exec(reply.content)?.[1]);
    await stack.steward.evaluationsIdle();

    const appealed = finalResponse(
      await stack.client.run("lucia", "appeal", {
        contribution: id,
        reason: "La guía desbloqueó a los nuevos miembros.",
      }),
    );
    expect(appealed.ephemeral).toBe(true);
    expect(appealed.content).toMatch(
      new RegExp(
        `^Tu apelación #\\d+ de la contribución #${id} está presentada\\. Ahora se hace una segunda evaluación; cuando termine, ambas se publicarán en <#\\d+> para que un moderador las acepte o rechace\\.$`,
      ),
    );
    await stack.steward.evaluationsIdle();

    const post = (await stack.client.messages("contributions")).find((m) =>
      m.embeds[0]?.title?.startsWith("Apelación #"),
    );
    expect(post?.embeds[0]?.title).toMatch(new RegExp(`^Apelación #\\d+ de la evaluación de #${id}$`));
    expect(post?.embeds[0]?.description).toBe("La guía desbloqueó a los nuevos miembros.");
    expect(post?.embeds[0]?.fields?.map((f) => f.name).slice(0, 3)).toEqual([
      "Presentada por",
      "Primera evaluación",
      "Segunda evaluación",
    ]);
    expect(post?.components[0]?.components?.map((c) => c.label)).toEqual(["Aceptar", "Rechazar"]);

    const accept = post?.components[0]?.components?.[0]?.custom_id as string;
    const decided = finalResponse(await stack.client.click("mo", post?.id as string, accept));
    expect(decided.kind).toBe("update");
    const mo = (await stack.client.state()).users.find((u) => u.username === "mo");
    expect(decided.content).toMatch(
      new RegExp(`^Apelación #\\d+ aceptada por <@${mo?.id}>: la segunda evaluación es ahora la que cuenta\\.$`),
    );
    expect(decided.components).toEqual([]);
  });
});
