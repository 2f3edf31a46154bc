import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, waitForMessage } from "../helpers/governance.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { NEVER } from "../helpers/testConfig.ts";

const HOUR = 3_600_000;

/** Steward in the member's language: help, /notify, the reminder DM (outside any interaction), /steward status. */
describe("a member's language in help, reminders and the setup status", () => {
  let stack: TestStack;
  beforeAll(async () => {
    stack = await startTestStack({
      VOTING_PERIOD: "3h",
      REMINDER_BEFORE: "1h",
      EPOCH_CRON: NEVER,
      VOTE_TALLY_DEBOUNCE: "100ms",
    });
    await stack.client.createUser("ann", ["Member"]);
    await stack.client.createUser("li", ["Member"], { locale: "zh-CN" });
    await stack.client.createUser("wei", ["Member"], { locale: "zh-CN" });
    await stack.client.createUser("sofia", ["Member", "Moderator"], { locale: "es-ES" });
    await stack.client.createUser("mod", ["Member", "Moderator"]);
  }, 60_000);
  afterAll(() => stack?.stop());
  afterEach(() => stack.expectNoSpecViolations());

  it("answers a zh-CN member's /help and /notify in Chinese, and an English member's in English", async () => {
    const help = finalResponse(await stack.client.run("li", "help"));
    expect(help.ephemeral).toBe(true);
    expect(help.embeds[0]?.title).toBe("你可以使用的Steward命令");
    expect(help.embeds[0]?.footer?.text).toBe("Steward负责本DAO的贡献、评估、投票和付款。");
    expect(finalResponse(await stack.client.run("ann", "help")).embeds[0]?.title).toBe("Steward commands you can use");

    const on = finalResponse(await stack.client.run("li", "notify", { votes: "on" }));
    expect(on.content).toBe(
      [
        "投票私信提醒已开启。",
        "",
        "投票私信提醒：**开启**。在投票截止前（提前1h），如果你还没有投票，我会私信提醒你。`/notify votes:off`可以停止提醒。",
        "你需要允许来自本服务器成员的私信（隐私设置 → 私信），才能收到提醒。",
      ].join("\n"),
    );
    const off = finalResponse(await stack.client.run("li", "notify", { votes: "off" }));
    expect(off.content).toBe(
      "投票私信提醒已关闭。\n\n投票私信提醒：**关闭**。使用`/notify votes:on`后，在投票截止前你还没投票时我会私信提醒你。",
    );
    const db = stack.steward.container.services.db;
    expect(await db.member.findFirstOrThrow({ where: { username: "li" }, select: { locale: true } })).toEqual({
      locale: "zh-CN",
    });
  });

  it("DMs a zh-CN member their vote reminder in Chinese after one use of Steward; the public reminder is the guild's", async () => {
    // wei's only interaction with Steward: turning reminders on (the language is recorded with it).
    const on = finalResponse(await stack.client.run("wei", "notify", { votes: "on" }));
    expect(on.content).toMatch(/^投票私信提醒已开启。/);
    await stack.client.setGuildLocale("es-ES");

    const drafted = finalResponse(
      await stack.client.run("ann", "propose", { idea: "Translate the FAQ into Chinese." }),
    );
    const submitted = finalResponse(
      await stack.client.click("ann", drafted.messageId as string, componentId(drafted, "Submit")),
    );
    const id = Number(/^Proposal #(\d+)/.exec(submitted.content)?.[1]);
    finalResponse(await stack.client.run("mod", "proposal open", { proposal: id }));

    // The 1h reminder of a 3h vote is due 2h after it opened.
    stack.advanceClock(2 * HOUR + 1000);
    const post = await waitForMessage(stack.client, (m) => m.content.startsWith(`⏰ **Propuesta #${id} · `));
    expect(post.content).toContain(
      "¿Quieres un MD antes de que cierren las votaciones si aún no has votado? `/notify votes:on`",
    );
    let dms = await stack.client.dms("wei");
    for (let i = 0; i < 100 && dms.messages.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 100));
      dms = await stack.client.dms("wei");
    }
    expect(dms.messages).toHaveLength(1);
    const lines = dms.messages[0]?.content.split("\n") ?? [];
    expect(lines[0]).toMatch(
      new RegExp(
        `^⏰ 你还没有对\\*\\*提案 #${id} · Translate the FAQ into Chinese\\.?\\*\\*投票：投票将于<t:\\d+:f>截止（<t:\\d+:R>）。$`,
      ),
    );
    expect(lines[1]).toMatch(/^投票情况：0人已投票；法定人数.*：还需要\d+票，否则投票将作废。$/);
    expect(lines[2]).toMatch(
      /^请在#governance中该提案的消息上投票。( https:\/\/discord\.com\/channels\/\d+\/\d+\/\d+)?$/,
    );
    expect(lines[3]).toBe("你收到这条消息是因为使用了`/notify votes:on`；`/notify votes:off`可以停止提醒。");
  }, 60_000);

  it("answers an es-ES moderator's /steward status in Spanish", async () => {
    const status = finalResponse(await stack.client.run("sofia", "steward status"));
    expect(status.ephemeral).toBe(true);
    expect(status.content).toBe(
      "**Configuración:** todo en orden: los canales, los permisos, los roles, el intent Server Members y los comandos están como Steward los necesita.\n\n**Publicaciones:** no hay nada pendiente de publicar.",
    );
    const english = finalResponse(await stack.client.run("mod", "steward status"));
    expect(english.content).toBe(
      "**Setup:** all clear: channels, permissions, roles, the Server Members intent and the commands are as Steward needs them.\n\n**Posts:** nothing waits to be posted.",
    );

    // A problem the doctor finds, in the moderator's words: the bot may not embed links in #governance.
    await stack.client.request("PUT", "/sandbox/channels/governance/permissions", { deny: ["EmbedLinks"] });
    const problem = finalResponse(await stack.client.run("sofia", "steward status"));
    expect(problem.content).toContain(
      "- En #governance (GOVERNANCE_CHANNEL) al bot le falta Insertar enlaces (las publicaciones son embeds): permíteselo al rol del bot en los permisos del canal (Editar canal → Permisos).",
    );
    expect(problem.content).toMatch(/^\*\*Configuración:\*\* 1 problema por resolver:\n/);
  });
});
