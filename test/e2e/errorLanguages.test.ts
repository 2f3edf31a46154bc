import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack();
  await stack.client.createUser("li", ["Member"], { locale: "zh-CN" });
  await stack.client.createUser("ana", ["Member"], { locale: "es-ES" });
  await stack.client.createUser("bea", ["Member"]);
});
afterAll(() => stack.stop());

const say = async (user: string, command: string, options: Record<string, unknown>) => {
  const reply = finalResponse(await stack.client.run(user, command, options));
  expect(reply.ephemeral).toBe(true);
  return reply.content;
};

describe("a member reads what went wrong in their Discord's language", () => {
  it("zh-CN: a missing contribution and an invalid link", async () => {
    expect(await say("li", "contribute show", { id: 2 ** 31 })).toBe("本服务器中没有贡献#2147483648。");
    expect(
      await say("li", "contribute submit", {
        title: "翻译常见问题",
        description: "把常见问题翻译成中文。",
        category: "docs",
        links: "ftp://example.org/faq",
      }),
    ).toBe("`ftp://example.org/faq`不是有效的链接。链接必须以http://或https://开头。");
  });

  it("es-ES: hours stored as 0 and a title with a NUL character", async () => {
    expect(
      await say("ana", "contribute submit", {
        title: "Traducir las preguntas frecuentes",
        description: "Traducción al español.",
        category: "docs",
        hours: 0.001,
      }),
    ).toBe(
      "0.001 no es un número de horas válido: indica un número entre 0,01 y 1000 (las horas se guardan con dos decimales).",
    );
    expect(
      await say("ana", "contribute submit", {
        title: "a\u0000b",
        description: "Descrita como es debido.",
        category: "docs",
      }),
    ).toBe(
      "El campo «título» contiene un carácter NUL (\\0), que no se puede guardar. Vuelve a escribirlo sin ese carácter.",
    );
    expect(await stack.steward.container.services.db.contribution.count()).toBe(0);
  });

  it("zh-CN: Discord failing while Steward answers is said in Chinese, its failure too", async () => {
    // discord.js tries the reply's edit four times (three retries of a 5xx); the error message after them arrives.
    await stack.client.request("POST", "/sandbox/faults", {
      method: "PATCH",
      path: "/webhooks/*/*/messages/@original",
      status: 503,
      count: 4,
    });
    try {
      const content = await say("li", "contribute submit", {
        title: "回答常见问题积压",
        category: "community",
        description: "回答了十二个问题。",
      });
      expect(content).toMatch(
        /^我回复时Discord出现故障（返回HTTP 503），所以这条回复可能没有反映实际结果：你请求的操作可能已经完成并保存。再试之前请先确认，以免重复执行。事件编号：`[0-9a-f]{8}`。$/,
      );
    } finally {
      await stack.client.request("DELETE", "/sandbox/faults");
    }
  });

  it("English stays English for a member whose Discord is in English", async () => {
    expect(await say("bea", "contribute show", { id: 2 ** 31 })).toBe(
      "There is no contribution #2147483648 in this server.",
    );
  });

  it("a post Discord refuses is recorded with why in the server's language (Spanish)", async () => {
    await stack.client.setGuildLocale("es-ES");
    await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", { deny: ["SendMessages"] });
    await new Promise((r) => setTimeout(r, 300));
    try {
      await say("bea", "contribute submit", {
        title: "Traducir la guía",
        category: "docs",
        description: "Traducida al español.",
      });
      const db = stack.steward.container.services.db;
      const contribution = await db.contribution.findFirstOrThrow({ where: { title: "Traducir la guía" } });
      expect(
        await db.pendingPost.findFirst({ where: { kind: "contribution", subjectId: contribution.id } }),
      ).toMatchObject({
        reason: "me falta el permiso Enviar mensajes allí",
        channel: "#contributions",
      });
    } finally {
      await stack.client.request("PUT", "/sandbox/channels/contributions/permissions", { allow: ["SendMessages"] });
      await stack.client.setGuildLocale("en-US");
    }
  });
});
