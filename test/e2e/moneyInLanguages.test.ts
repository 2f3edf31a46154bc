import { formatUnits, Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { catalogs } from "../../src/i18n/catalogs/index.ts";
import { componentId, proposalPost, waitForMessage } from "../helpers/governance.ts";
import { finalResponse, textOf } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";
import { submitCodeContribution } from "../helpers/submitCodeContribution.ts";
import { until } from "../helpers/until.ts";

const HOUR = 3_600_000;
const HAN = /\p{Script=Han}/u;
let stack: TestStack;
beforeAll(async () => {
  stack = await startTestStack({
    SETTLEMENT_MODE: "send",
    VOTING_PERIOD: "1h",
    QUORUM: "1",
    APPROVALS_REQUIRED: "1",
    EPOCH_BUDGET: "100000000000000000000",
  });
  await stack.client.createUser("li", ["Member"], { locale: "zh-CN" });
  await stack.client.createUser("eva", ["Member"], { locale: "es-ES" });
  for (const u of ["ann", "ben"]) await stack.client.createUser(u, ["Member"]);
  await stack.client.createUser("boss", ["Member", "Moderator"]);
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => stack.expectNoSpecViolations());

const db = () => stack.steward.container.services.db;
/** An amount in whole tokens as Spain writes it, worked out here rather than by Steward's translator. */
const spanish = (units: string) =>
  `${new Intl.NumberFormat("es-ES", { maximumFractionDigits: 20 }).format(formatUnits(units, 18) as never)} STEW`;
const chinese = (units: bigint) =>
  `${new Intl.NumberFormat("zh-CN", { maximumFractionDigits: 20 }).format(formatUnits(units, 18) as never)} STEW`;
const messageToSign = (content: string) => /```\n([\s\S]*?)\n```/.exec(content)?.[1] ?? "";

describe("payouts and wallets in the member's language", () => {
  const li = Wallet.createRandom();
  const eva = Wallet.createRandom();

  it("a member whose Discord is in Chinese links and shows a wallet in Chinese; the signed message stays as it is", async () => {
    const none = finalResponse(await stack.client.run("li", "wallet show"));
    expect(none.content).toBe("你还没有绑定钱包。使用`/wallet link address:<你的地址>`开始绑定。");

    const linking = finalResponse(await stack.client.run("li", "wallet link", { address: li.address }));
    expect(linking.ephemeral).toBe(true);
    const [first, second] = linking.content.split("\n");
    expect(first).toMatch(
      new RegExp(
        `^要绑定\\*\\*${li.address}\\*\\*，请用该钱包签署下面的消息，然后运行\`/wallet verify signature:<签名>\`。此请求将于<t:\\d+:R>过期。$`,
      ),
    );
    expect(second).toContain("EIP-4361");
    expect(second).toContain("在链31337上验证");
    // EIP-4361: the message is signed and checked word for word, so it is never translated.
    const message = messageToSign(linking.content);
    expect(message).toContain("wants you to sign in with your Ethereum account:");

    const form = (await stack.client.run("li", "wallet verify")).responses.find((r) => r.kind === "modal");
    expect(form?.title).toBe("完成钱包绑定");

    const linked = finalResponse(
      await stack.client.run("li", "wallet verify", { signature: await li.signMessage(message) }),
    );
    expect(linked.content).toBe(`钱包**${li.address}**已绑定。你的奖励将支付到这个地址。`);

    const shown = finalResponse(await stack.client.run("li", "wallet show"));
    const embed = shown.embeds[0] as { title: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe("你的钱包");
    expect(embed.fields.map((f) => f.name)).toEqual(["地址", "绑定时间", "余额"]);
    expect(embed.fields[0]?.value).toBe(li.address);
    expect(embed.fields[2]?.value).toBe("0 STEW");
  });

  // The words of errors are the errors catalog's (its own branch of this work): checked once that catalog is there.
  it.skipIf(!Object.keys(catalogs.en).some((k) => k.startsWith("errors.")))(
    "an error of /wallet verify is in Chinese too",
    async () => {
      const refused = finalResponse(await stack.client.run("li", "wallet verify", { signature: "0x12" }));
      expect(refused.ephemeral).toBe(true);
      expect(refused.content).toMatch(HAN);
      // The signature is one byte: the reply says so, and what an ordinary wallet's signature looks like.
      expect(refused.content).toContain("的有效签名：普通钱包的签名是0x加130个十六进制字符");
    },
  );

  it("a settlement's receipt is in the server's language; a Spanish member's payouts and trace are in Spanish", async () => {
    const linking = finalResponse(await stack.client.run("eva", "wallet link", { address: eva.address }));
    expect(linking.content).toMatch(
      new RegExp(
        `^Para vincular \\*\\*${eva.address}\\*\\*, firma el mensaje de abajo con esa cartera y después ejecuta \`/wallet verify signature:<la firma>\`\\. La solicitud caduca <t:\\d+:R>\\.\\n`,
      ),
    );
    const linked = finalResponse(
      await stack.client.run("eva", "wallet verify", {
        signature: await eva.signMessage(messageToSign(linking.content)),
      }),
    );
    expect(linked.content).toBe(`La cartera **${eva.address}** ya está vinculada. Tus recompensas se pagarán a ella.`);
    const nothingYet = finalResponse(await stack.client.run("eva", "payout history"));
    expect(nothingYet.content).toBe("Todavía no se ha pagado nada a tus carteras.");

    await submitCodeContribution(stack.client, "eva", "Guía de incorporación");
    await submitCodeContribution(stack.client, "li", "Pipeline fix");
    await stack.steward.evaluationsIdle();
    const closed = finalResponse(await stack.client.run("boss", "epoch close"));
    const id = Number(/proposal #(\d+)/.exec(closed.content)?.[1]);
    const post = await proposalPost(stack.client, id);
    for (const u of ["ann", "ben"]) await stack.client.click(u, post.id, componentId(post, "For"));
    stack.advanceClock(HOUR + 1000);
    await until("the vote to pass", async () => {
      const p = await db().proposal.findUniqueOrThrow({ where: { id } });
      return p.status === "awaiting_approval" ? p : null;
    });

    // The server's language is Chinese from here: the receipt Steward posts next is written in it.
    await stack.client.setGuildLocale("zh-CN");
    await until("the bot to see the server's language", async () =>
      stack.steward.client.guilds.cache.first()?.preferredLocale === "zh-CN" ? true : null,
    );
    finalResponse(await stack.client.run("boss", "payout approve", { proposal: id }));
    const receipt = await waitForMessage(
      stack.client,
      (m) => m.content.startsWith(`已付款：提案#${id}“`),
      60_000,
      "payouts",
    );
    const proposal = await db().proposal.findUniqueOrThrow({ where: { id } });
    const batch = proposal.batch as { recipient: string; amount: string }[];
    const total = batch.reduce((n, l) => n + BigInt(l.amount), 0n);
    const ids = new Map((await stack.client.state()).users.map((u) => [u.username, u.id]));
    expect(receipt.content).toMatch(new RegExp(`^已付款：提案#${id}“.+”。 <@\\d+> <@\\d+>$`));
    for (const u of ["eva", "li"]) expect(receipt.content).toContain(`<@${ids.get(u)}>`);
    const embed = receipt.embeds[0] as { title: string; fields: { name: string; value: string }[] };
    expect(embed.title).toBe(`收据 · 提案#${id}`);
    expect(embed.fields.map((f) => f.name)).toEqual(["合计", "交易", "批次"]);
    expect(embed.fields[0]?.value).toBe(`${chinese(total)}，共${batch.length}位收款人`);

    // Eva's Discord is in Spanish: her replies are Spanish whatever the server's language.
    const mine = batch.find((l) => l.recipient === eva.address);
    if (!mine) throw new Error("Eva is not paid by the distribution");
    const intent = await db().payoutIntent.findFirstOrThrow({ where: { proposalId: id } });
    const txHash = intent.txHash as string;
    const history = finalResponse(await stack.client.run("eva", "payout history"));
    expect(history.content).toMatch(
      new RegExp(
        `^Has recibido ${spanish(mine.amount).replaceAll(".", "\\.")} en 1 pago:\\n<t:\\d+:d> · ${spanish(mine.amount).replaceAll(".", "\\.")} · propuesta #${id} «.+» · \`${txHash}\`$`,
      ),
    );
    const status = finalResponse(await stack.client.run("eva", "payout status", { proposal: id }));
    expect(status.content).toBe(
      `La **propuesta #${id}** «Reparto de recompensas de la época 1» está liquidada.\nTramo 1 de 1: ${batch.length} líneas, ${spanish(total.toString())} — pagado · \`${txHash}\``,
    );

    const trace = finalResponse(await stack.client.run("eva", "audit trace", { id: txHash }));
    const page = trace.embeds[0] as { title: string; description: string; footer: { text: string } };
    expect(page.title).toBe(`Traza de auditoría: la transacción ${txHash}`);
    expect(page.footer.text).toBe(
      `Traza de la transacción ${txHash} · página 1 de 2 · compruébalo todo: steward audit verify`,
    );
    expect(page.description).toContain(
      `**① Transacción** \`${txHash}\` — confirmado en el bloque ${intent.blockNumber}`,
    );
    expect(page.description).toContain(`**② Lote** de la propuesta #${id} — hash \`${proposal.batchHash}\``);
    expect(page.description).toContain(`**⑥ Motivos** — ${batch.length} líneas de pago en la página siguiente.`);
    const next = (trace.components as { components: { custom_id: string }[] }[])
      .flatMap((r) => r.components)
      .map((c) => c.custom_id)
      .find((c) => c.endsWith(":2"));
    const page2 = finalResponse(await stack.client.click("eva", trace.messageId as string, next as string));
    expect(textOf(page2)).toContain(
      `Traza de auditoría: la transacción ${txHash} — pagos 1–${batch.length} de ${batch.length}`,
    );
    expect(textOf(page2)).toMatch(
      /• contribución #\d+ «Guía de incorporación» \(code\) de member-[0-9a-f]{8}, <t:\d+:R>/,
    );
  }, 180_000);
});
