import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

/** A first contribution in Chinese: a translation, with no link to where it is published and no length given. */
const first = {
  title: "翻译入门指南",
  category: "docs",
  description: "我把入门指南从英文翻译成了中文，帮助新成员了解如何提交贡献、链接钱包和参与投票。",
  hours: 3,
};
const second = {
  title: "翻译投票说明",
  category: "docs",
  description: "我把投票说明从英文翻译成了中文，共 4 页，已发布。",
  link: "https://docs.example.org/zh/voting",
};

describe("a newcomer's first evaluation, in their language, explains itself in more words", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack();
    await stack.client.createUser("mei", ["Member"], { locale: "zh-CN" });
  });
  afterAll(() => stack.stop());
  afterEach(() => stack.expectNoSpecViolations());

  const submit = async (c: { title: string; category: string; description: string; hours?: number; link?: string }) => {
    const opened = await stack.client.run("mei", "contribute submit", {
      title: c.title,
      category: c.category,
      ...(c.hours ? { hours: c.hours } : {}),
    });
    const form = opened.responses.find((r) => r.kind === "modal");
    const reply = finalResponse(
      await stack.client.submitModal("mei", form?.customId as string, {
        title: c.title,
        description: c.description,
        links: c.link ?? "",
      }),
    );
    await stack.steward.evaluationsIdle();
    return Number(/#(\d+)/.exec(reply.content)?.[1]);
  };

  it("a zh-CN newcomer reads the rubric's reasons and what would have scored higher in Chinese; later work has no such section", async () => {
    const id = await submit(first);
    const shown = finalResponse(await stack.client.run("mei", "evaluation show", { contribution: id }));
    const embed = shown.embeds[0];
    const fields = embed?.fields ?? [];
    // The rationale and every reason in Chinese, from the facts stored with the evaluation.
    expect(embed?.description).toMatch(/^依据可观察的信号评分：链接、篇幅和 GitHub 上的事实，从不依据自述的工时。/);
    const text = textOf(shown);
    expect(text).not.toMatch(/informative characters|distinct link|Scored from observable signals|from the evidence/);
    expect(fields.find((f) => f.name.startsWith("质量 — "))?.value).toMatch(
      /^\d+ 个有效字符（按英文等量字符计：正文为中文）/,
    );
    expect(fields.find((f) => f.name.startsWith("投入 — "))?.value).toContain("自述 3 小时，不计分");
    expect(fields.find((f) => f.name.startsWith("契合度 — "))?.value).toBe("文档类；作者此前没有贡献");
    // The evidence a docs contribution is judged by, found or not.
    expect(fields.find((f) => f.name === "文档类工作的评判依据")?.value).toBe(
      "✗ 已发布文本的链接\n✓ 翻译的语言对\n✗ 篇幅或范围",
    );
    // What would have scored higher, with examples.
    expect(fields.find((f) => f.name === "你的第一项贡献：怎样能得更高分")?.value).toMatch(/^欢迎！/);
    const impact = fields.find((f) => /^影响 — [\d.]+\/10：怎样能得更高分$/.test(f.name));
    expect(impact?.value).toBe("• 已发布文本的链接，例如 “https://docs.example.org/guide”");
    const effort = fields.find((f) => /^投入 — [\d.]+\/10：怎样能得更高分$/.test(f.name));
    expect(effort?.value).toBe("• 篇幅或范围，例如 “12 页，约 4000 字”");

    // The public announcement speaks the guild's language (English here), with the same section.
    const post = (await stack.client.messages("contributions")).find((m) =>
      m.embeds[0]?.title?.startsWith(`Evaluation of #${id} `),
    );
    const postFields = post?.embeds[0]?.fields ?? [];
    expect(postFields.find((f) => f.name === "Your first contribution: what would have scored higher")).toBeDefined();
    expect(postFields.find((f) => /^impact — [\d.]+\/10: what would have scored higher$/.test(f.name))?.value).toBe(
      "• a link to the published text, e.g. “https://docs.example.org/guide”",
    );

    // The stored English stays as it was, for the audit trail.
    const stored = await stack.steward.container.services.db.evaluation.findUniqueOrThrow({ where: { activeFor: id } });
    expect(stored.rationale).toMatch(/^Scored from observable signals: \d+ informative characters/);

    // Her second contribution is not her first: no such section, and the evidence it shows is found.
    const next = await submit(second);
    const later = finalResponse(await stack.client.run("mei", "evaluation show", { contribution: next }));
    const laterFields = later.embeds[0]?.fields ?? [];
    expect(laterFields.some((f) => f.name.includes("怎样能得更高分"))).toBe(false);
    expect(laterFields.find((f) => f.name === "文档类工作的评判依据")?.value).toBe(
      "✓ 已发布文本的链接\n✓ 翻译的语言对\n✓ 篇幅或范围",
    );
    expect(laterFields.find((f) => f.name.startsWith("契合度 — "))?.value).toBe("文档类；作者此前有 1 项贡献");
    // The first stays her first.
    const again = finalResponse(await stack.client.run("mei", "evaluation show", { contribution: id }));
    expect(again.embeds[0]?.fields?.some((f) => f.name === "你的第一项贡献：怎样能得更高分")).toBe(true);
  });

  it("/policy show lists the evidence each category is judged by, in the reader's language", async () => {
    const shown = finalResponse(await stack.client.run("mei", "policy show"));
    const fields = shown.embeds[0]?.fields ?? [];
    expect(fields.find((f) => f.name === "代码类工作的证据")?.value).toBe(
      "• 拉取请求或提交的链接（影响）\n• 作者以外的人所做的审查（质量）\n• 证明其可用的测试（质量）",
    );
    expect(fields.find((f) => f.name === "文档类工作的证据")?.value).toBe(
      "• 已发布文本的链接（影响）\n• 翻译的语言对（质量）\n• 篇幅或范围（投入）",
    );
    expect(fields.find((f) => f.name === "社区类工作的证据")?.value).toBe(
      "• 录像或记录的链接（影响）\n• 回答了哪些问题（质量）\n• 参加人数（投入）",
    );
    for (const category of ["设计", "研究", "运维", "其他"])
      expect(fields.some((f) => f.name === `${category}类工作的证据`)).toBe(true);
  });
});
