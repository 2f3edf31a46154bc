import { Wallet } from "ethers";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { contractWallets, safeSignature } from "../helpers/contractWallets.ts";
import { finalResponse } from "../helpers/sandboxClient.ts";
import { startTestStack, type TestStack } from "../helpers/startTestStack.ts";

let stack: TestStack;
beforeAll(async () => {
  // Steward's own local chain, as `npm start` runs it: contract wallets are asked there.
  stack = await startTestStack({ SETTLEMENT_MODE: "send" });
  for (const name of ["dana", "erin", "frank", "gina"]) await stack.client.createUser(name, ["Member"]);
}, 60_000);
afterAll(() => stack?.stop());
afterEach(() => stack.expectNoSpecViolations());

/** The message to sign, exactly as the bot showed it between the ``` fences. */
function messageToSign(content: string): string {
  const match = /```\n([\s\S]*?)\n```/.exec(content);
  if (!match?.[1]) throw new Error(`no message to sign in: ${content}`);
  return match[1];
}

async function link(user: string, address: string) {
  const reply = finalResponse(await stack.client.run(user, "wallet link", { address }));
  expect(reply.ephemeral).toBe(true);
  return messageToSign(reply.content);
}

const verify = async (user: string, signature: string) =>
  finalResponse(await stack.client.run(user, "wallet verify", { signature }));

describe("/wallet", () => {
  it("links a wallet with a real personal_sign signature of a Sign-In with Ethereum message, stores it checksummed, and shows it", async () => {
    const wallet = Wallet.createRandom();
    const message = await link("dana", wallet.address.toLowerCase());
    const { guildId } = await stack.client.state();
    const dana = (await stack.client.state()).users.find((u) => u.username === "dana");
    const http = new URL(stack.steward.http.url);
    const lines = message.split("\n");
    // EIP-4361: this Steward (its HTTP address, http written out), the checksummed address, what signing does.
    expect(lines.slice(0, 3)).toEqual([
      `http://${http.host} wants you to sign in with your Ethereum account:`,
      wallet.address,
      "",
    ]);
    expect(lines[3]).toBe(
      `Link this wallet to your Discord account (user ${dana?.id}) in the Discord server Steward Sandbox (${guildId}) to receive Steward payouts. Signing is free: it sends no transaction and costs nothing.`,
    );
    expect(lines.slice(4, 8)).toEqual(["", `URI: ${http.href}`, "Version: 1", "Chain ID: 31337"]);
    expect(lines[8]).toMatch(/^Nonce: [0-9a-f]{32}$/);
    const issued = new Date(/^Issued At: (.+)$/m.exec(message)?.[1] ?? "");
    const expires = new Date(/^Expiration Time: (.+)$/m.exec(message)?.[1] ?? "");
    expect(expires.getTime() - issued.getTime()).toBe(10 * 60_000);
    expect(lines).toHaveLength(11);

    const reply = await verify("dana", await wallet.signMessage(message));
    expect(reply.ephemeral).toBe(true);
    expect(reply.content).toBe(`Wallet **${wallet.address}** is now linked. Your rewards will be paid to it.`);

    const shown = finalResponse(await stack.client.run("dana", "wallet show"));
    expect(shown.embeds[0]?.fields?.[0]).toMatchObject({ name: "Address", value: wallet.address });
  });

  it("refuses a reused nonce, a wrong signature and a signature by another address, changing nothing", async () => {
    const db = stack.steward.container.services.db;
    const wallet = Wallet.createRandom();
    const message = await link("erin", wallet.address);
    const signature = await wallet.signMessage(message);
    expect((await verify("erin", signature)).content).toMatch(/is now linked/);
    const linked = await db.wallet.count();

    expect((await verify("erin", signature)).content).toMatch(/already used: each link message can be used once/);

    expect((await verify("erin", "0x1234")).content).toMatch(/not a valid signature/);

    const other = Wallet.createRandom();
    const next = Wallet.createRandom();
    const message2 = await link("erin", next.address);
    const byOther = await other.signMessage(message2);
    expect((await verify("erin", byOther)).content).toBe(
      `That signature was made by \`${other.address}\`, not by \`${next.address}\`. Sign the message with the wallet you are linking.`,
    );
    expect(await db.wallet.count()).toBe(linked);
    const erinWallet = finalResponse(await stack.client.run("erin", "wallet show"));
    expect(erinWallet.embeds[0]?.fields?.[0]?.value).toBe(wallet.address);
  });

  it("refuses an expired request", async () => {
    const wallet = Wallet.createRandom();
    const message = await link("frank", wallet.address);
    stack.advanceClock(10 * 60_000 + 1_000);
    const reply = await verify("frank", await wallet.signMessage(message));
    expect(reply.content).toMatch(/link request that expired <t:\d+:R>\. Run `\/wallet link` again/);
    expect(finalResponse(await stack.client.run("frank", "wallet show")).content).toMatch(/not linked a wallet yet/);
  });

  it("replaces the active wallet on re-link, audits both, and keeps one active wallet per member", async () => {
    const db = stack.steward.container.services.db;
    const first = Wallet.createRandom();
    const second = Wallet.createRandom();
    await verify("gina", await first.signMessage(await link("gina", first.address)));
    const reply = await verify("gina", await second.signMessage(await link("gina", second.address)));
    expect(reply.content).toBe(
      `Wallet **${second.address}** is now linked and replaces **${first.address}**. Your rewards will be paid to the new address.`,
    );
    const member = await db.member.findFirstOrThrow({ where: { username: "gina" } });
    const wallets = await db.wallet.findMany({ where: { memberId: member.id }, orderBy: { linkedAt: "asc" } });
    expect(wallets.map((w) => [w.address, w.activeFor !== null])).toEqual([
      [first.address, false],
      [second.address, true],
    ]);
    const audit = await db.auditEvent.findMany({ where: { subjectId: member.id }, orderBy: { id: "asc" } });
    expect(audit.map((a) => [a.action, (a.payload as { address: string }).address])).toEqual([
      ["wallet.linked", first.address],
      ["wallet.replaced", second.address],
    ]);
  });

  it("refuses an address that is another member's wallet", async () => {
    const wallet = Wallet.createRandom();
    await stack.client.createUser("hank", ["Member"]);
    await stack.client.createUser("ivy", ["Member"]);
    await verify("hank", await wallet.signMessage(await link("hank", wallet.address)));
    const reply = await verify("ivy", await wallet.signMessage(await link("ivy", wallet.address)));
    expect(reply.content).toMatch(/already the linked wallet of another member/);
  });

  it.each(["0x123", "not an address", "0x52908400098527886E0F7030069857D2E4169EE7".replace("E7", "e7")])(
    "refuses the malformed address %s",
    async (address) => {
      const reply = finalResponse(await stack.client.run("dana", "wallet link", { address }));
      expect(reply.content).toMatch(/is not a valid Ethereum address/);
    },
  );

  it("tells a member with no link in progress how to start", async () => {
    await stack.client.createUser("jack", ["Member"]);
    expect((await verify("jack", `0x${"ab".repeat(65)}`)).content).toMatch(/no wallet link in progress/);
  });

  it("links a Safe by its owners' signature (EIP-1271), checked on Steward's chain; a signature it refuses is explained", async () => {
    const rpcUrl = stack.steward.chain?.rpcUrl;
    if (!rpcUrl) throw new Error("the stack has no local chain");
    const chain = contractWallets(rpcUrl);
    try {
      const [owner, coOwner] = [Wallet.createRandom(), Wallet.createRandom()];
      const owners = [owner, coOwner];
      const safe = await chain.safe(owners, 2);
      await stack.client.createUser("safi", ["Member"]);
      const message = await link("safi", safe);
      const reply = finalResponse(await stack.client.run("safi", "wallet link", { address: safe }));
      expect(reply.content).toContain(
        "A Safe or another contract wallet signs it as the wallet (EIP-1271, checked on chain 31337)",
      );

      const stranger = await verify("safi", await safeSignature(safe, [owner, Wallet.createRandom()], message));
      expect(stranger.content).toBe(
        `The wallet contract at \`${safe}\` on chain 31337 did not accept this signature (EIP-1271), so nothing was linked. Sign the message \`/wallet link\` gave you as that wallet — for a Safe, in the Safe app, with enough owners to meet its threshold — and check that the wallet is the one on chain 31337.`,
      );
      const linked = await verify("safi", await safeSignature(safe, owners, message));
      expect(linked.content).toBe(
        `Wallet **${safe}** is now linked. Your rewards will be paid to it. It is a contract wallet (EIP-1271): its signature was checked on chain 31337.`,
      );
      const shown = finalResponse(await stack.client.run("safi", "wallet show"));
      expect(shown.embeds[0]?.fields?.[0]).toMatchObject({ name: "Address", value: safe });
      const audit = await stack.steward.container.services.db.auditEvent.findFirstOrThrow({
        where: { action: "wallet.linked", payload: { path: ["address"], equals: safe } },
      });
      expect(audit.payload).toMatchObject({ signature: "erc1271", chainId: 31337 });
    } finally {
      chain.destroy();
    }
  });

  it("opens a form without a signature, which also takes the signed message, and checks that message's fields", async () => {
    await stack.client.createUser("fern", ["Member"]);
    const wallet = Wallet.createRandom();
    const message = await link("fern", wallet.address);
    const opened = await stack.client.run("fern", "wallet verify");
    const form = opened.responses.find((r) => r.kind === "modal");
    expect(form?.title).toBe("Finish linking your wallet");
    const elsewhere = message.replace(/^http:\/\/[^ ]+ wants/, "steward.evil.example wants");
    const refused = finalResponse(
      await stack.client.submitModal("fern", form?.customId as string, {
        signature: await wallet.signMessage(elsewhere),
        message: elsewhere,
      }),
    );
    expect(refused.ephemeral).toBe(true);
    expect(refused.content).toMatch(
      /^That message was made for `https:\/\/steward\.evil\.example`, not for this Steward \(`http:\/\/127\.0\.0\.1:\d+`\), so it cannot link a wallet here\. Run `\/wallet link` and sign the message it gives you/,
    );
    // Each form is answered once: the member opens it again.
    const again = (await stack.client.run("fern", "wallet verify")).responses.find((r) => r.kind === "modal");
    const linked = finalResponse(
      await stack.client.submitModal("fern", again?.customId as string, {
        signature: await wallet.signMessage(message),
        message: `${message}\n`,
      }),
    );
    expect(linked.content).toBe(`Wallet **${wallet.address}** is now linked. Your rewards will be paid to it.`);
  });
});
