import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createWalletChallenge, parseAddress } from "../../src/services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../src/services/wallets/getActiveWallet.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";
import { waitForLockWait } from "../helpers/waitForLockWait.ts";

let database: Database;
beforeAll(async () => {
  database = await createTestDatabase();
});
afterAll(() => database.close());

describe("wallet linking", () => {
  it("checksums addresses and refuses malformed ones", () => {
    const w = Wallet.createRandom();
    expect(parseAddress(w.address.toLowerCase())).toBe(w.address);
    expect(() => parseAddress("0x12")).toThrow(expect.objectContaining({ code: "invalid_address" }));
    // Mixed case with a broken EIP-55 checksum is a typo, not an address.
    const broken =
      w.address.slice(0, 2) +
      [...w.address.slice(2)]
        .map((ch) => (/[a-f]/.test(ch) ? ch.toUpperCase() : /[A-F]/.test(ch) ? ch.toLowerCase() : ch))
        .join("");
    if (/[a-fA-F]/.test(w.address.slice(2))) expect(() => parseAddress(broken)).toThrow();
  });

  it("accepts the signature of an older, still valid request, and refuses it once a newer one is used", async () => {
    const deps = serviceDeps(database);
    const me = actor("300000000000000001");
    const w1 = Wallet.createRandom();
    const w2 = Wallet.createRandom();
    const c1 = await createWalletChallenge(deps, me, w1.address);
    const c2 = await createWalletChallenge(deps, me, w2.address);
    const sig1 = await w1.signMessage(c1.message);
    const linked = await verifyWalletSignature(deps, me, sig1);
    expect(linked.wallet.address).toBe(w1.address);
    await expect(verifyWalletSignature(deps, me, sig1)).rejects.toMatchObject({ code: "challenge_used" });
    const replaced = await verifyWalletSignature(deps, me, await w2.signMessage(c2.message));
    expect(replaced.previousAddress).toBe(w1.address);
    expect((await getActiveWallet(deps, me.guildId, me.discordId))?.address).toBe(w2.address);
  });

  it("refuses a signature over a tampered message", async () => {
    const deps = serviceDeps(database);
    const me = actor("300000000000000002");
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(deps, me, w.address);
    const sig = await w.signMessage(c.message.replace("Nonce:", "Nonce: 0"));
    await expect(verifyWalletSignature(deps, me, sig)).rejects.toMatchObject({ code: "signature_wrong_signer" });
  });

  it("lets exactly one of two concurrent verifications of the same signature win", async () => {
    const deps = serviceDeps(database);
    const me = actor("300000000000000003");
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(deps, me, w.address);
    const sig = await w.signMessage(c.message);
    const results = await Promise.allSettled([
      verifyWalletSignature(deps, me, sig),
      verifyWalletSignature(deps, me, sig),
    ]);
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(1);
    expect(await database.prisma.wallet.count({ where: { challengeId: c.id } })).toBe(1);
  });
});

describe("wallet linking: every refusal, and what is audited", () => {
  const deps = () => serviceDeps(database);
  it("refuses malformed signatures, missing, foreign, expired and used challenges, and an address held by another", async () => {
    const d = deps();
    const me = actor("300000000000000010");
    const other = actor("300000000000000011");
    const w = Wallet.createRandom();
    // Not hex bytes: refused before anything is looked up (any byte string may be a contract wallet's signature).
    await expect(verifyWalletSignature(d, me, "0x12345")).rejects.toMatchObject({ code: "invalid_signature" });
    await expect(verifyWalletSignature(d, me, `x0${"a".repeat(130)}`)).rejects.toMatchObject({
      code: "invalid_signature",
    });
    await expect(verifyWalletSignature(d, me, `0x${"a".repeat(131)}`)).rejects.toMatchObject({
      code: "invalid_signature",
    });
    await expect(verifyWalletSignature(d, me, `0x${"a".repeat(130)}`)).rejects.toMatchObject({
      code: "no_pending_challenge",
    });
    // Another member's challenge is not mine to complete, even with the right key.
    const theirs = await createWalletChallenge(d, other, w.address);
    await expect(verifyWalletSignature(d, me, await w.signMessage(theirs.message))).rejects.toMatchObject({
      code: "no_pending_challenge",
    });
    // A signature that recovers no key at all (s = 0).
    const mine = await createWalletChallenge(d, me, w.address);
    // Two bytes are no ordinary wallet's signature, and there is no chain to ask for a contract wallet.
    await expect(verifyWalletSignature(d, me, "0x1234")).rejects.toMatchObject({
      code: "invalid_signature",
      context: { problem: "length", bytes: 2, address: w.address, contractWallets: "no_chain" },
    });
    await expect(verifyWalletSignature(d, me, `0x${"1".repeat(64)}${"0".repeat(64)}1b`)).rejects.toMatchObject({
      code: expect.stringMatching(/^(invalid_signature|signature_wrong_signer)$/),
    });
    const wrong = await Wallet.createRandom().signMessage(mine.message);
    await expect(verifyWalletSignature(d, me, wrong)).rejects.toMatchObject({
      code: "signature_wrong_signer",
      context: { expected: w.address },
    });
    // Padded with spaces, as pasted from a wallet app: accepted.
    const signed = await w.signMessage(mine.message);
    const linked = await verifyWalletSignature(d, me, `  ${signed}\n`);
    expect(linked.wallet.address).toBe(w.address);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: linked.wallet.memberId, action: "wallet.linked" },
    });
    expect(audit).toMatchObject({ subjectType: "member", payload: { address: w.address, previousAddress: null } });
    await expect(verifyWalletSignature(d, me, signed)).rejects.toMatchObject({ code: "challenge_used" });
    // The other member tries to link the address I hold.
    await expect(verifyWalletSignature(d, other, await w.signMessage(theirs.message))).rejects.toMatchObject({
      code: "address_in_use",
      context: { address: w.address },
    });
  });

  it("refuses an expired challenge, at the second it expires", async () => {
    const d = deps();
    const me = actor("300000000000000012");
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(d, me, w.address);
    d.clock.now = new Date(c.expiresAt);
    await expect(verifyWalletSignature(d, me, await w.signMessage(c.message))).rejects.toMatchObject({
      code: "challenge_expired",
      context: { expiredAt: c.expiresAt },
    });
  });

  it("audits a replacement with the address it replaced", async () => {
    const d = deps();
    const me = actor("300000000000000013");
    const [a, b] = [Wallet.createRandom(), Wallet.createRandom()];
    const ca = await createWalletChallenge(d, me, a.address);
    await verifyWalletSignature(d, me, await a.signMessage(ca.message));
    const cb = await createWalletChallenge(d, me, b.address);
    const replaced = await verifyWalletSignature(d, me, await b.signMessage(cb.message));
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: replaced.wallet.memberId, action: "wallet.replaced" },
    });
    expect(audit.payload).toMatchObject({ address: b.address, previousAddress: a.address, nonce: cb.nonce });
  });
  it("says when a challenge was used, also when another link took it a moment before; re-linking your own address works", async () => {
    const d = deps();
    const me = actor("300000000000000020");
    const w = Wallet.createRandom();
    const first = await createWalletChallenge(d, me, w.address);
    const usedAt = new Date(d.clock.now);
    await verifyWalletSignature(d, me, await w.signMessage(first.message));
    d.clock.now = new Date(usedAt.getTime() + 60_000);
    await expect(verifyWalletSignature(d, me, await w.signMessage(first.message))).rejects.toMatchObject({
      code: "challenge_used",
      context: { usedAt },
    });
    // The address I already hold, linked again from a new challenge: still mine, not "in use".
    const again = await createWalletChallenge(d, me, w.address);
    const relinked = await verifyWalletSignature(d, me, await w.signMessage(again.message));
    expect(relinked.wallet.address).toBe(w.address);

    // A challenge claimed by another verification after this one read it: refused as used, nothing linked.
    const third = await createWalletChallenge(d, me, w.address);
    const sig = await w.signMessage(third.message);
    await database.driver.withConnection(async (other) => {
      await other.exec("BEGIN");
      await other.query(`UPDATE "WalletChallenge" SET "usedAt" = now() WHERE "id" = $1`, [third.id]);
      const verifying = verifyWalletSignature(d, me, sig).then(
        () => "linked",
        (e: { code?: string; context?: unknown }) => e,
      );
      await waitForLockWait(database.driver);
      await other.exec("COMMIT");
      expect(await verifying).toMatchObject({ code: "challenge_used", context: { usedAt: d.clock.now } });
    });
    expect(await database.prisma.wallet.count({ where: { challengeId: third.id } })).toBe(0);
  });
});
