import { Wallet } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Database } from "../../src/db/openDatabase.ts";
import { createWalletChallenge, parseAddress } from "../../src/services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../src/services/wallets/getActiveWallet.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

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
