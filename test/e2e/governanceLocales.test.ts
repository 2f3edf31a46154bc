import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, waitForMessage } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

// Proposals and votes in the member's language; the proposal's post and its result in the guild's.

const HOUR = 3_600_000;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    VOTING_PERIOD: "1h",
    QUORUM: "30%",
    QUORUM_OF: "members",
    VOTE_TALLY_DEBOUNCE: "100ms",
  });
  await stack.client.setGuildLocale("es-ES");
  await stack.client.createUser("li", ["Member"], { locale: "zh-CN" });
  await stack.client.createUser("ana", ["Member"], { locale: "es-ES" });
  await stack.client.createUser("eve", ["Member"]);
  await stack.client.createUser("marta", ["Member", "Moderator"], { locale: "es-ES" });
});
afterAll(() => stack.stop());
afterEach(() => stack.expectNoSpecViolations());

/** The Spanish post of a proposal in #governance (not its result: that one has no Tipo field). */
const spanishPost = (id: number, withButton?: string) =>
  waitForMessage(
    stack.client,
    (m) =>
      m.embeds[0]?.title?.startsWith(`Propuesta n.º ${id} · `) === true &&
      m.embeds[0]?.fields?.some((f) => f.name === "Tipo") === true &&
      (withButton === undefined || m.components.some((r) => r.components?.some((c) => c.label === withButton))),
  );

describe("governance in the member's and the guild's language", () => {
  it("a zh-CN member drafts and votes in Chinese; the post, the result and a moderator's reply are Spanish", async () => {
    const drafted = finalResponse(
      await stack.client.run("li", "propose", { idea: "Run a hackathon for new members." }),
    );
    expect(drafted.ephemeral).toBe(true);
    expect(drafted.content).toBe(
      "这是你的提案草稿。如有需要请先编辑，然后点击“提交”将其作为草稿提交给DAO，或点击“取消”。",
    );
    expect(drafted.components[0]?.components?.map((c) => c.label)).toEqual(["编辑", "提交", "取消"]);
    const text = textOf(drafted);
    for (const part of ["动机", "具体方案", "预算申请\n无", "风险", "成功指标"]) expect(text).toContain(part);
    expect(drafted.embeds[0]?.footer?.text).toMatch(/^草稿#\d+ · 由离线模板起草 · 仅你可见$/);

    const modal = finalResponse(
      await stack.client.click("li", drafted.messageId as string, componentId(drafted, "编辑")),
    );
    expect(modal.kind).toBe("modal");
    expect(modal.title).toMatch(/^编辑提案草稿#\d+$/);

    const submitted = finalResponse(
      await stack.client.click("li", drafted.messageId as string, componentId(drafted, "提交")),
    );
    const id = Number(/^提案#(\d+)“.+”已保存为一般提案草稿。/.exec(submitted.content)?.[1]);
    expect(id).toBeGreaterThan(0);
    expect(submitted.content).toMatch(/将由管理员开放投票。$/);

    // The guild speaks Spanish: its public post does too, whoever drafted it.
    const draftPost = await spanishPost(id, "Abrir votación (moderadores)");
    expect(draftPost.embeds[0]?.footer?.text).toBe("Un moderador la abre a votación");
    expect(textOf(draftPost as never)).toContain("Estado\nBorrador: aún no está abierta a votación");
    expect(textOf(draftPost as never)).toContain("Tipo\ngeneral");

    const opened = finalResponse(await stack.client.run("marta", "proposal open", { proposal: id }));
    expect(opened.content).toMatch(
      new RegExp(
        `^La propuesta n\\.º ${id} está abierta a votación hasta el <t:\\d+:f> \\(votación básica, cuórum: hacen falta 2 de 4 miembros \\(30%\\)\\)\\. La papeleta está en su mensaje en <#\\d+>\\.$`,
      ),
    );

    const post = await spanishPost(id, "A favor");
    expect(post.components[0]?.components?.map((c) => c.label)).toEqual(["A favor", "En contra", "Abstención"]);
    expect(textOf(post as never)).toContain("Tipo: básica (A favor / En contra / Abstención)");

    const voted = finalResponse(await stack.client.click("li", post.id, componentId(post, "A favor")));
    expect(voted.ephemeral).toBe(true);
    expect(voted.content).toMatch(
      new RegExp(`^你在提案#${id}上的投票：\\*\\*赞成\\*\\*，权重1。以最后一次投票为准：你可以在<t:\\d+:f>之前更改。$`),
    );
    const again = finalResponse(await stack.client.click("li", post.id, componentId(post, "A favor")));
    expect(again.content).toMatch(new RegExp(`^你已在提案#${id}上投了\\*\\*赞成\\*\\*（权重1），没有任何变化。`));
    const ana = finalResponse(await stack.client.click("ana", post.id, componentId(post, "En contra")));
    expect(ana.content).toMatch(
      new RegExp(
        `^Tu voto en la propuesta n\\.º ${id}: \\*\\*En contra\\*\\*, peso 1\\. Cuenta el último voto: puedes cambiarlo hasta el <t:\\d+:f>\\.$`,
      ),
    );
    // A member whose Discord is in English still reads English, on the Spanish post.
    const eve = finalResponse(await stack.client.click("eve", post.id, componentId(post, "A favor")));
    expect(eve.content).toMatch(new RegExp(`^Your vote on proposal #${id}: \\*\\*For\\*\\*, weight 1\\.`));

    const shown = finalResponse(await stack.client.run("li", "proposal show", { proposal: id }));
    expect(shown.content).toBe("你的投票：**赞成**（权重1）。");
    expect(shown.embeds[0]?.title).toMatch(new RegExp(`^提案#${id} · `));

    const live = await waitForMessage(stack.client, (m) =>
      textOf(m as never).includes("Recuento en directo · 3 votantes · peso 3"),
    );
    expect(textOf(live as never)).toContain("**A favor** — 2 (66.7%)");

    stack.advanceClock(HOUR + 1000);
    const result = await waitForMessage(
      stack.client,
      (m) =>
        m.embeds[0]?.title === `Propuesta n.º ${id} · Aprobada` && !m.embeds[0]?.fields?.some((f) => f.name === "Tipo"),
    );
    expect(result.embeds[0]?.description).toMatch(/\n\n3 votantes, peso 3; cuórum de 1\.2 alcanzado\.$/);
    expect(result.embeds[0]?.fields?.[0]).toMatchObject({
      name: "Recuento",
      value:
        "▰▰▰▰▰▰▰▱▱▱ **A favor** — 2 (66.7%)\n▰▰▰▱▱▱▱▱▱▱ **En contra** — 1 (33.3%)\n▱▱▱▱▱▱▱▱▱▱ **Abstención** — 0 (0.0%)",
    });
  }, 90_000);
});
