import { type Contract, Signature, toBeHex, Wallet, zeroPadValue } from "ethers";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createWalletChain } from "../../src/chain/createWalletChain.ts";
import { type LocalChain, startAnvil } from "../../src/chain/startAnvil.ts";
import type { Database } from "../../src/db/openDatabase.ts";
import { userErrorMessage } from "../../src/discord/views/errorMessages.ts";
import { translator } from "../../src/i18n/translator.ts";
import { isUserError, type UserErrorCode } from "../../src/services/errors.ts";
import { createWalletChallenge } from "../../src/services/wallets/createWalletChallenge.ts";
import { getActiveWallet } from "../../src/services/wallets/getActiveWallet.ts";
import { parseSiweMessage } from "../../src/services/wallets/parseSiweMessage.ts";
import { verifyWalletSignature } from "../../src/services/wallets/verifyWalletSignature.ts";
import type { WalletChain } from "../../src/services/wallets/walletChain.ts";
import { walletLinkOrigin } from "../../src/services/wallets/walletDeps.ts";
import { contractWallets, safeSignature, wrap6492 } from "../helpers/contractWallets.ts";
import { actor, serviceDeps } from "../helpers/serviceDeps.ts";
import { createTestDatabase } from "../helpers/testDatabase.ts";

const ORIGIN = walletLinkOrigin("https://steward.example/");
const SECP256K1_N = 0xfffffffffffffffffffffffffffffffebaaedce6af48a03bbfd25e8cd0364141n;

let database: Database;
let chain: LocalChain;
let wallets: ReturnType<typeof contractWallets>;
let walletChain: WalletChain;
/** Every call Steward made to the chain, by method. */
const chainCalls: string[] = [];
let factory: Contract;
let nextMember = 400000000000000000n;

beforeAll(async () => {
  database = await createTestDatabase();
  chain = await startAnvil();
  wallets = contractWallets(chain.rpcUrl);
  const real = createWalletChain(chain.rpcUrl, 31337);
  const counted = <T>(name: string, call: () => Promise<T>) => {
    chainCalls.push(name);
    return call();
  };
  walletChain = {
    hasCode: (a) => counted("hasCode", () => real.hasCode(a)),
    isValidSignature: (a, h, s) => counted("isValidSignature", () => real.isValidSignature(a, h, s)),
    isValidWrappedSignature: (a, h, s) => counted("wrapped", () => real.isValidWrappedSignature(a, h, s)),
    destroy: () => real.destroy(),
  };
  factory = await wallets.factory();
}, 60_000);
afterAll(async () => {
  walletChain?.destroy();
  wallets?.destroy();
  await chain?.stop();
  await database?.close();
});

/** Service deps on the test database, with this file's chain (31337) unless `chainless`. */
function deps(options: { chainless?: boolean } = {}) {
  const d = serviceDeps(database);
  d.wallets = { origin: ORIGIN, chainId: 31337, ...(options.chainless ? {} : { chain: walletChain }) };
  return d;
}
const member = () => actor(String(nextMember++));

/** The refusal's code and context, and the words a person reads for it. */
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => {
      throw new Error("expected a refusal, and the wallet was linked");
    },
    (e: unknown) => e,
  );
  if (!isUserError(error)) throw error;
  return {
    code: error.code,
    context: error.context,
    text: userErrorMessage(translator("en"), error.code, error.context),
  };
}

const expectRefused = async (work: Promise<unknown>, code: UserErrorCode, words: RegExp) => {
  const r = await refusal(work);
  expect(r.code).toBe(code);
  expect(r.text).toMatch(words);
  return r;
};

describe("an ordinary wallet (EOA) signs Sign-In with Ethereum", () => {
  it("links with personal_sign over the EIP-4361 message, without asking the chain", async () => {
    const d = deps();
    const me = member();
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(d, me, w.address.toLowerCase(), "Steward DAO");
    const parsed = parseSiweMessage(c.message);
    if (!parsed.ok) throw new Error(`not EIP-4361: ${parsed.problem}`);
    expect(parsed.message).toMatchObject({
      scheme: undefined,
      domain: "steward.example",
      address: w.address,
      uri: "https://steward.example/",
      version: "1",
      chainId: 31337n,
      nonce: c.nonce,
      issuedAt: c.issuedAt,
      expirationTime: c.expiresAt,
    });
    expect(parsed.message.statement).toMatch(
      /^Link this wallet to your Discord account \(user \d+\) in the Discord server Steward DAO \(\d+\) to receive Steward payouts\. Signing is free/,
    );
    const calls = chainCalls.length;
    const linked = await verifyWalletSignature(d, me, await w.signMessage(c.message));
    expect(linked).toMatchObject({ kind: "eoa", chainId: 31337, wallet: { address: w.address } });
    expect(chainCalls.length).toBe(calls);
    const audit = await database.prisma.auditEvent.findFirstOrThrow({
      where: { subjectId: linked.wallet.memberId, action: "wallet.linked" },
    });
    expect(audit.payload).toMatchObject({ address: w.address, nonce: c.nonce, signature: "eoa", chainId: 31337 });
  });

  it("accepts EIP-2098 compact signatures and v 0/1, and refuses another v and the high-s twin", async () => {
    const d = deps();
    const me = member();
    const w = Wallet.createRandom();
    const sign = async () =>
      Signature.from(await w.signMessage((await createWalletChallenge(d, me, w.address)).message));

    const compact = (await sign()).compactSerialized;
    expect(compact).toHaveLength(2 + 128);
    expect((await verifyWalletSignature(d, me, compact)).kind).toBe("eoa");

    const s1 = await sign();
    const zeroOne = `${s1.serialized.slice(0, 130)}${s1.v === 27 ? "00" : "01"}`;
    expect((await verifyWalletSignature(d, me, zeroOne)).wallet.address).toBe(w.address);

    const s2 = await sign();
    await expectRefused(
      verifyWalletSignature(d, me, `${s2.serialized.slice(0, 130)}1d`),
      "invalid_signature",
      /last byte \(v\) must be 1b or 1c \(27 or 28\), or 00 or 01/,
    );
    // (r, n − s, the other v) recovers the same key: refused, as a malleated copy of a signature.
    const highS = `${s2.r}${toBeHex(SECP256K1_N - BigInt(s2.s), 32).slice(2)}${s2.v === 27 ? "1c" : "1b"}`;
    await expectRefused(verifyWalletSignature(d, me, highS), "invalid_signature", /no key could have made it/);
    await expectRefused(
      verifyWalletSignature(d, me, `${s2.serialized}00`),
      "invalid_signature",
      /130 hex characters \(65 bytes; 128 for a compact EIP-2098 one\), and this one has 66 bytes.*has no contract on chain 31337/,
    );
  });
});

describe("a Safe signs as the wallet (EIP-1271)", () => {
  it("links with its owners' signatures (2 of 3), EIP-712 or eth_sign, checked at the latest block", async () => {
    const [a, b, c3] = [Wallet.createRandom(), Wallet.createRandom(), Wallet.createRandom()];
    const safe = await wallets.safe([a, b, c3], 2);
    const d = deps();
    const me = member();
    const c = await createWalletChallenge(d, me, safe);
    const signature = await safeSignature(safe, [a, c3], c.message);
    expect(signature).toHaveLength(2 + 2 * 130);
    const linked = await verifyWalletSignature(d, me, signature);
    expect(linked).toMatchObject({ kind: "erc1271", wallet: { address: safe } });
    expect((await getActiveWallet(d, me.guildId, me.discordId))?.address).toBe(safe);

    const again = await createWalletChallenge(d, me, safe);
    const ethSign = await safeSignature(safe, [b, c3], again.message, {
      ethSign: true,
    });
    expect((await verifyWalletSignature(d, me, ethSign)).kind).toBe("erc1271");
  });

  it("refuses, in words, a signature the Safe says no to, and links nothing", async () => {
    const owner = Wallet.createRandom();
    const safe = await wallets.safe([owner], 1);
    const d = deps();
    const me = member();
    const c = await createWalletChallenge(d, me, safe);
    // Signed by someone who is not an owner: the Safe reverts.
    const r = await expectRefused(
      verifyWalletSignature(d, me, await safeSignature(safe, [Wallet.createRandom()], c.message)),
      "contract_wallet_refused",
      /The wallet contract at `0x[0-9a-fA-F]{40}` on chain 31337 did not accept this signature \(EIP-1271\), so nothing was linked\. Sign the message `\/wallet link` gave you as that wallet/,
    );
    expect(r.context).toEqual({ address: safe, chainId: 31337, counterfactual: false });
    // The owner's signature for the same Safe on another chain (another EIP-712 domain): no.
    await expectRefused(
      verifyWalletSignature(d, me, await safeSignature(safe, [owner], c.message, { chainId: 1 })),
      "contract_wallet_refused",
      /did not accept/,
    );
    // The owner's plain personal_sign of the message is not a Safe signature either.
    await expectRefused(
      verifyWalletSignature(d, me, await owner.signMessage(c.message)),
      "contract_wallet_refused",
      /did not accept/,
    );
    expect(await getActiveWallet(d, me.guildId, me.discordId)).toBeNull();
    // The request is still usable: the right signature links.
    expect((await verifyWalletSignature(d, me, await safeSignature(safe, [owner], c.message))).kind).toBe("erc1271");
  });

  it("says that contract wallets need a chain when Steward has none", async () => {
    const owners = [Wallet.createRandom(), Wallet.createRandom()];
    const [first] = owners;
    const safe = await wallets.safe(owners, 2);
    const d = deps({ chainless: true });
    const me = member();
    const c = await createWalletChallenge(d, me, safe);
    await expectRefused(
      verifyWalletSignature(d, me, await safeSignature(safe, owners, c.message)),
      "invalid_signature",
      /this one has 130 bytes\. If `0x[0-9a-fA-F]{40}` is a contract wallet \(a Safe or a smart account\): this Steward is not connected to a chain, so it cannot check contract wallets/,
    );
    await expectRefused(
      verifyWalletSignature(d, me, await safeSignature(safe, first ? [first] : [], c.message)),
      "signature_wrong_signer",
      /Sign the message with the wallet you are linking\. If .* is a contract wallet .* not connected to a chain/,
    );
  });
});

describe("an account not deployed yet signs with ERC-6492", () => {
  const createCall = (owner: string, salt: string) =>
    factory.interface.encodeFunctionData("createAccount", [owner, salt]);
  const accountOf = async (owner: string, salt: string) =>
    (await factory.getFunction("accountAddress")(owner, salt)) as string;

  it("links by a deploy-less check that leaves the account undeployed, and still links once it is deployed", async () => {
    const owner = Wallet.createRandom();
    const salt = zeroPadValue("0x01", 32);
    const account = await accountOf(owner.address, salt);
    expect(await wallets.code(account)).toBe("0x");
    const d = deps();
    const me = member();
    const c = await createWalletChallenge(d, me, account);
    const signature = wrap6492(
      await factory.getAddress(),
      createCall(owner.address, salt),
      await owner.signMessage(c.message),
    );
    const calls = chainCalls.length;
    const linked = await verifyWalletSignature(d, me, signature);
    expect(linked).toMatchObject({ kind: "erc6492", wallet: { address: account } });
    // One eth_call, and nothing deployed.
    expect(chainCalls.slice(calls)).toEqual(["wrapped"]);
    expect(await wallets.code(account)).toBe("0x");

    // Deployed since: the same kind of signature is checked against the account as it now is.
    await (
      await factory.connect(await wallets.provider.getSigner(0)).getFunction("createAccount")(owner.address, salt)
    ).wait();
    expect(await wallets.code(account)).not.toBe("0x");
    const c2 = await createWalletChallenge(d, me, account);
    const wrapped = wrap6492(
      await factory.getAddress(),
      createCall(owner.address, salt),
      await owner.signMessage(c2.message),
    );
    expect((await verifyWalletSignature(d, me, wrapped)).kind).toBe("erc6492");
    // And a plain EIP-1271 signature now works too; a wrong one is answered 0xffffffff, which is a no.
    const c3 = await createWalletChallenge(d, me, account);
    expect((await verifyWalletSignature(d, me, await owner.signMessage(c3.message))).kind).toBe("erc1271");
    const c4 = await createWalletChallenge(d, me, account);
    await expectRefused(
      verifyWalletSignature(d, me, await Wallet.createRandom().signMessage(c4.message)),
      "contract_wallet_refused",
      /did not accept this signature \(EIP-1271\)/,
    );
  });

  it("refuses a wrapped signature the account says no to, one that deploys another account, a failing call, a broken wrapping", async () => {
    const owner = Wallet.createRandom();
    const salt = zeroPadValue("0x02", 32);
    const account = await accountOf(owner.address, salt);
    const d = deps();
    const me = member();
    const c = await createWalletChallenge(d, me, account);
    const factoryAddress = await factory.getAddress();
    const byStranger = wrap6492(
      factoryAddress,
      createCall(owner.address, salt),
      await Wallet.createRandom().signMessage(c.message),
    );
    const no = await expectRefused(
      verifyWalletSignature(d, me, byStranger),
      "contract_wallet_refused",
      /The smart account `0x[0-9a-fA-F]{40}` \(not deployed yet on chain 31337\) did not accept this signature.*Sign the message `\/wallet link` gave you/,
    );
    expect(no.context).toMatchObject({ counterfactual: true });
    const other = wrap6492(
      factoryAddress,
      createCall(owner.address, zeroPadValue("0x03", 32)),
      await owner.signMessage(c.message),
    );
    await expectRefused(
      verifyWalletSignature(d, me, other),
      "counterfactual_not_deployed",
      /carries a call that creates an account, but not `0x[0-9a-fA-F]{40}` on chain 31337/,
    );
    // The factory call reverts (a Safe has no createAccount).
    const failing = wrap6492(
      await wallets.safe([owner], 1),
      createCall(owner.address, salt),
      await owner.signMessage(c.message),
    );
    await expectRefused(verifyWalletSignature(d, me, failing), "counterfactual_not_deployed", /that call fails/);
    await expectRefused(
      verifyWalletSignature(d, me, `0x${"00".repeat(40)}${"6492".repeat(16)}`),
      "counterfactual_not_deployed",
      /ends like an ERC-6492 one/,
    );
    // Without a chain: said plainly.
    const chainless = deps({ chainless: true });
    await expectRefused(
      verifyWalletSignature(
        chainless,
        me,
        wrap6492(factoryAddress, createCall(owner.address, salt), await owner.signMessage(c.message)),
      ),
      "contract_wallet_needs_chain",
      /Contract wallets \(Safes, smart accounts\) are checked on the chain Steward pays on, and this Steward is not connected to one/,
    );
    expect(await getActiveWallet(d, me.guildId, me.discordId)).toBeNull();
  });
});

describe("refusals of the message itself, each saying what to do", () => {
  /** The member's request, and the message with one line changed, signed by the wallet. */
  async function pasted(change: (lines: string[]) => void, options: { ttlMs?: number } = {}) {
    const d = deps();
    if (options.ttlMs) d.settings.walletChallengeTtlMs = options.ttlMs;
    const me = member();
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(d, me, w.address);
    const lines = c.message.split("\n");
    change(lines);
    const message = lines.join("\n");
    return { d, me, w, c, message, signature: await w.signMessage(message) };
  }

  it("a message for another domain, another chain, another address, or another URI", async () => {
    const domain = await pasted((l) => {
      l[0] = "evil.example wants you to sign in with your Ethereum account:";
    });
    const r = await expectRefused(
      verifyWalletSignature(domain.d, domain.me, domain.signature, domain.message),
      "link_message_wrong_domain",
      /That message was made for `https:\/\/evil\.example`, not for this Steward \(`https:\/\/steward\.example`\), so it cannot link a wallet here\. Run `\/wallet link`/,
    );
    expect(r.context).toEqual({ got: "https://evil.example", expected: "https://steward.example" });
    // The same origin written differently is the same origin.
    const samePort = await pasted((l) => {
      l[0] = "https://STEWARD.example:443 wants you to sign in with your Ethereum account:";
    });
    expect((await verifyWalletSignature(samePort.d, samePort.me, samePort.signature, samePort.message)).kind).toBe(
      "eoa",
    );
    const http = await pasted((l) => {
      l[0] = "http://steward.example wants you to sign in with your Ethereum account:";
    });
    await expectRefused(
      verifyWalletSignature(http.d, http.me, http.signature, http.message),
      "link_message_wrong_domain",
      /made for `http:\/\/steward\.example`/,
    );

    const otherChain = await pasted((l) => {
      l[7] = "Chain ID: 1";
    });
    await expectRefused(
      verifyWalletSignature(otherChain.d, otherChain.me, otherChain.signature, otherChain.message),
      "link_message_wrong_chain",
      /That message is for chain `1`, but this Steward pays on chain 31337.*Run `\/wallet link` again/,
    );

    const someoneElse = Wallet.createRandom();
    const address = await pasted((l) => {
      l[1] = someoneElse.address;
    });
    await expectRefused(
      verifyWalletSignature(address.d, address.me, await someoneElse.signMessage(address.message), address.message),
      "link_message_wrong_address",
      new RegExp(
        `That message is for \`${someoneElse.address}\`, but its link request is for \`${address.w.address}\`: a message for another address cannot link this one\\. Sign the message \`/wallet link\` gave you, or run \`/wallet link address:${someoneElse.address}\``,
      ),
    );

    const uri = await pasted((l) => {
      l[5] = "URI: https://steward.example/elsewhere";
    });
    await expectRefused(
      verifyWalletSignature(uri.d, uri.me, uri.signature, uri.message),
      "link_message_wrong_uri",
      /URI is `https:\/\/steward\.example\/elsewhere`/,
    );
    for (const p of [domain, otherChain, address, uri])
      expect(await getActiveWallet(p.d, p.me.guildId, p.me.discordId)).toBeNull();
  });

  it("an expired request, a reused nonce, a nonce that is not the member's, a message not valid yet, a malformed one", async () => {
    const expired = await pasted(() => {});
    expired.d.clock.now = new Date(expired.c.expiresAt.getTime() + 1);
    await expectRefused(
      verifyWalletSignature(expired.d, expired.me, expired.signature, expired.message),
      "challenge_expired",
      /expired <t:\d+:R>\. Run `\/wallet link` again and sign the new message/,
    );
    // The message's own Expiration Time, earlier than the request's, counts.
    const early = await pasted((l) => {
      l[10] = "Expiration Time: 2026-11-26T11:59:00.000Z";
    });
    const e = await refusal(verifyWalletSignature(early.d, early.me, early.signature, early.message));
    expect(e).toMatchObject({
      code: "challenge_expired",
      context: { expiredAt: new Date("2026-11-26T11:59:00.000Z") },
    });

    const reused = await pasted(() => {});
    expect((await verifyWalletSignature(reused.d, reused.me, reused.signature, reused.message)).kind).toBe("eoa");
    await expectRefused(
      verifyWalletSignature(reused.d, reused.me, reused.signature, reused.message),
      "challenge_used",
      /already used: each link message can be used once\. Run `\/wallet link` again/,
    );

    // Another member's request: its nonce is not this member's.
    const theirs = await pasted(() => {});
    await expectRefused(
      verifyWalletSignature(theirs.d, member(), theirs.signature, theirs.message),
      "link_message_unknown_nonce",
      /is not one of your link requests in this server.*Run `\/wallet link`/,
    );

    const later = await pasted((l) => {
      l.push("Not Before: 2026-11-26T13:00:00.000Z");
    });
    await expectRefused(
      verifyWalletSignature(later.d, later.me, later.signature, later.message),
      "link_message_not_yet_valid",
      /not valid yet: its Not Before time is <t:\d+:R>/,
    );

    const broken = await pasted((l) => {
      l[6] = "Version: 2";
    });
    await expectRefused(
      verifyWalletSignature(broken.d, broken.me, broken.signature, broken.message),
      "link_message_malformed",
      /not a Sign-In with Ethereum message \(EIP-4361\): line 7 should be `Version: 1`\. Paste the message exactly as you signed it/,
    );
    // Whitespace a paste adds around the message is not part of it.
    const padded = await pasted(() => {});
    expect((await verifyWalletSignature(padded.d, padded.me, padded.signature, `\n  ${padded.message}\n\n`)).kind).toBe(
      "eoa",
    );
  });

  it("a request made before Steward moved or changed chains, and one of the format before EIP-4361", async () => {
    const d = deps();
    const me = member();
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(d, me, w.address);
    const moved = deps();
    moved.wallets = { ...moved.wallets, origin: walletLinkOrigin("https://dao.example/steward") };
    await expectRefused(
      verifyWalletSignature(moved, me, await w.signMessage(c.message)),
      "link_message_wrong_domain",
      /made for `https:\/\/steward\.example`, not for this Steward \(`https:\/\/dao\.example`\)/,
    );
    const rechained = deps();
    rechained.wallets = { ...rechained.wallets, chainId: 8453 };
    await expectRefused(
      verifyWalletSignature(rechained, me, await w.signMessage(c.message)),
      "link_message_wrong_chain",
      /for chain `31337`, but this Steward pays on chain 8453/,
    );
    const legacy = await createWalletChallenge(d, me, w.address);
    const old = `Steward wallet link\n\nGuild: 1\nMember: 2\nAddress: ${w.address}\nNonce: ${legacy.nonce}`;
    await database.prisma.walletChallenge.update({ where: { id: legacy.id }, data: { message: old } });
    await expectRefused(
      verifyWalletSignature(d, me, await w.signMessage(old)),
      "challenge_outdated",
      /made by an older version of Steward.*Run `\/wallet link` again/,
    );
  });

  it("an ordinary wallet links while the chain is down; a contract wallet is told to try again", async () => {
    const d = deps();
    // Nothing listens on port 1.
    d.wallets = { ...d.wallets, chain: createWalletChain("http://127.0.0.1:1", 31337, 2_000) };
    const me = member();
    const w = Wallet.createRandom();
    const c = await createWalletChallenge(d, me, w.address);
    expect((await verifyWalletSignature(d, me, await w.signMessage(c.message))).kind).toBe("eoa");
    const owner = Wallet.createRandom();
    const safe = await wallets.safe([owner], 1);
    const c2 = await createWalletChallenge(d, me, safe);
    await expectRefused(
      verifyWalletSignature(d, me, await safeSignature(safe, [owner], c2.message)),
      "wallet_chain_unavailable",
      /could not reach chain 31337 .* nothing was linked\. Run `\/wallet verify` again in a minute/,
    );
    d.wallets.chain?.destroy();
  });

  it("signature text that is not hex, or longer than Discord can carry", async () => {
    const d = deps();
    const me = member();
    await expectRefused(
      verifyWalletSignature(d, me, "0x12345"),
      "invalid_signature",
      /paste it as 0x followed by hex digits/,
    );
    await expectRefused(
      verifyWalletSignature(d, me, "signature"),
      "invalid_signature",
      /paste it as 0x followed by hex digits/,
    );
    await expectRefused(
      verifyWalletSignature(d, me, `0x${"ab".repeat(3000)}`),
      "invalid_signature",
      /at most 6000 characters/,
    );
  });
});
