import { Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { componentId, waitForMessage } from "../helpers/governance.ts";
import { nodeHeartbeats } from "../helpers/nodeHeartbeats.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
let beats: ReturnType<typeof nodeHeartbeats> | undefined;
const ids: Record<string, string> = {};
beforeAll(async () => {
  stack = await startTestStack({ HEARTBEAT_INTERVAL: "1s" });
  for (const [name, roles, locale] of [
    ["li", ["Member", "Provider"], "zh-CN"],
    ["ana", ["Member"], "es-ES"],
  ] as const) {
    ids[name] = (await stack.client.createUser(name, [...roles], { locale })).id;
    await linkWallet(name);
  }
}, 60_000);
afterAll(async () => {
  beats?.stop();
  await stack?.stop();
});
afterEach(() => stack.expectNoSpecViolations());

/** /wallet link and /wallet verify in the member's language: the link is checked where it is stored. */
async function linkWallet(user: string) {
  const wallet = Wallet.createRandom();
  const reply = finalResponse(await stack.client.run(user, "wallet link", { address: wallet.address }));
  const message = /```\n([\s\S]*?)\n```/.exec(reply.content)?.[1] as string;
  await stack.client.run(user, "wallet verify", { signature: await wallet.signMessage(message) });
  const linked = await stack.steward.container.services.db.wallet.count({
    where: { address: wallet.address, replacedAt: null },
  });
  expect(linked).toBe(1);
}

const compute = (match: (m: { content: string }) => boolean) => waitForMessage(stack.client, match, 20_000, "compute");

describe("the compute network in the member's and the guild's language", () => {
  it("a Chinese provider registers and follows a node, a Spanish member leases it, #compute speaks the guild's language", async () => {
    const key = Wallet.createRandom();
    const registered = finalResponse(
      await stack.client.run("li", "node register", {
        name: "h200-box",
        gpu_model: "H200",
        gpu_count: 1,
        vram_gb: 141,
        cpu_cores: 16,
        ram_gb: 128,
        region: "eu-west",
        price: "2.5",
        public_key: key.address,
      }),
    );
    const nodeId = Number(/节点\*\*#(\d+)\*\*/.exec(registered.content)?.[1]);
    expect(registered.ephemeral).toBe(true);
    expect(registered.content).toBe(
      `节点**#${nodeId}**已注册，收到第一次心跳之前处于待上线状态。请在机器上用代理创建的密钥保持代理运行（如果你给它指定过密钥文件，请加上\`--key <file>\`）：\n\`npm run steward -- node-agent --api ${stack.steward.http.url} --node ${nodeId}\`\n（在Steward的克隆中运行；如果Steward是作为软件包安装的，则运行\`steward node-agent …\`）。收到第一次签名心跳后节点即上线；用\`/node show id:${nodeId}\`查看其状态。`,
    );
    // The guild speaks English: its #compute notice is English, whatever the provider's language.
    await compute(
      (m) =>
        m.content ===
        `🖥️ <@${ids.li}> registered node **#${nodeId} h200-box**: 1 × H200 (141 GB), 16 cores, 128 GB RAM, eu-west, 2.5 STEW per GPU-hour. Pending until its agent's first heartbeat.`,
    );

    const pending = textOf(finalResponse(await stack.client.run("li", "node show", { id: nodeId })));
    expect(pending).toContain(`⏳ 节点#${nodeId} · h200-box`);
    expect(pending).toContain("状态\n待上线");
    expect(pending).toContain("价格\n2.5 STEW/GPU小时 · eu-west");
    expect(pending).toContain("声明配置\n1 × H200（141 GB），16核，128 GB内存");
    expect(pending).toContain("上报配置\n暂无（尚无心跳）");

    beats = nodeHeartbeats(stack.steward.http.url, nodeId, key);
    expect((await beats.beat()).status).toBe(200);
    beats.keepAlive();
    const online = textOf(finalResponse(await stack.client.run("li", "node show", { id: nodeId })));
    expect(online).toMatch(/状态\n在线，上次心跳：<t:\d+:R>/);
    expect(online).toContain("上报配置\nNVIDIA H200（140 GB），16核，128 GB内存，Linux 6.8 x64");
    expect(online).toMatch(/在线率\n自注册（<t:\d+:R>）以来：\d+\.\d%/);
    expect(online).toContain("已验证\n尚未接受挑战：通过挑战之前，其容量按CPU费率计酬");

    // A Spanish member asks for compute: the matches and their buttons are Spanish.
    const asked = finalResponse(
      await stack.client.run("ana", "compute request", {
        gpu_count: 1,
        hours: 1.5,
        max_price: "4",
        purpose: "entrenar un modelo",
        gpu_model: "H200",
      }),
    );
    const requestId = Number(/Solicitud de cómputo \*\*#(\d+)\*\*/.exec(asked.content)?.[1]);
    expect(asked.content.split("\n")[0]).toBe(
      `Solicitud de cómputo **#${requestId}**: las ofertas en línea que mejor encajan (puntuación sobre 100: disponibilidad, precio por debajo de tu máximo, región, especificaciones verificadas). Elige una para preguntar a su proveedor.`,
    );
    expect(asked.content).toMatch(
      new RegExp(
        `1\\. \\*\\*nodo #${nodeId} h200-box\\*\\* · puntuación [\\d,]+ · [\\d,]+ % de disponibilidad en 7 días · 2,5 STEW por hora de GPU \\(tu máximo: 4 STEW\\) · eu-west · `,
      ),
    );

    // The server's language turns Spanish: the offer in #compute, and the message its buttons change, are Spanish.
    await stack.client.setGuildLocale("es-ES");
    const chosen = finalResponse(
      await stack.client.click("ana", asked.messageId as string, componentId(asked, `Elegir el nodo #${nodeId}`)),
    );
    const leaseId = Number(/Alquiler \*\*#(\d+)\*\*/.exec(chosen.content)?.[1]);
    const terms = `1 GPU × 1,5 h en el nodo #${nodeId} **h200-box** a 2,5 STEW por hora de GPU`;
    expect(chosen.content).toBe(`Alquiler **#${leaseId}**: ${terms}. Se ha preguntado a <@${ids.li}> en #compute.`);
    const offer = await compute((m) => m.content.includes(`alquiler **#${leaseId}**`));
    expect(offer.content).toBe(
      `<@${ids.li}>, <@${ids.ana}> pide ${terms} para «entrenar un modelo». Acepta para empezar ya el alquiler **#${leaseId}**; se paga por el tiempo que tu nodo esté en línea durante él.`,
    );
    const accepted = finalResponse(await stack.client.click("li", offer.id, componentId(offer, "Aceptar")));
    expect(accepted.content).toMatch(
      new RegExp(
        `^✅ <@${ids.li}> ha aceptado el alquiler \\*\\*#${leaseId}\\*\\*: .+, desde <t:\\d+:R> hasta <t:\\d+:R>\\. <@${ids.ana}>, tu cómputo está listo\\.$`,
      ),
    );

    // Each member reads their own leases in their own language.
    const hers = finalResponse(await stack.client.run("ana", "compute leases"));
    expect(hers.content).toMatch(
      new RegExp(`^\\*\\*#${leaseId}\\*\\* activo · alquilas ${literal(terms)} termina <t:`),
    );
    const his = finalResponse(await stack.client.run("li", "compute leases"));
    expect(his.content).toContain(
      `**#${leaseId}** 进行中 · <@${ids.ana}>租用节点#${nodeId} **h200-box**上的1块GPU × 1.5小时，单价2.5 STEW/GPU小时`,
    );

    // Ended early: the member's reply in her language, the notice in the guild's.
    const ended = finalResponse(await stack.client.run("ana", "compute end", { lease: leaseId }));
    expect(ended.content).toBe(`El alquiler **#${leaseId}** ha terminado. Se paga a prorrata al cierre de la época.`);
    await compute(
      (m) =>
        m.content ===
        `<@${ids.ana}> ha terminado antes de tiempo el alquiler **#${leaseId}**; se paga por lo que el nodo ha entregado hasta ahora. <@${ids.li}>`,
    );
  });
});

const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
