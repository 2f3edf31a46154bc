import { randomBytes } from "node:crypto";
import { getAddress, isAddress } from "ethers";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { walletChallengeMessage } from "./walletChallengeMessage.ts";

export function parseAddress(input: string): string {
  const text = input.trim();
  // ethers accepts all-lowercase or all-uppercase hex, and mixed case only with a valid EIP-55 checksum.
  if (!isAddress(text) || !text.startsWith("0x")) throw new UserError("invalid_address", { address: text });
  return getAddress(text);
}

/**
 * Issues a single-use nonce and the message to sign for linking `address`: Sign-In with Ethereum, naming this
 * Steward, the chain it pays on and the server (`guildName`, as Discord shows it, when known).
 */
export async function createWalletChallenge(
  deps: Pick<ServiceDeps, "db" | "now" | "settings" | "wallets">,
  actor: Actor,
  addressInput: string,
  guildName?: string,
) {
  const address = parseAddress(addressInput);
  const issuedAt = deps.now();
  const expiresAt = new Date(issuedAt.getTime() + deps.settings.walletChallengeTtlMs);
  // 32 hex characters: EIP-4361's nonce is at least 8 letters or digits.
  const nonce = randomBytes(16).toString("hex");
  const message = walletChallengeMessage({
    origin: deps.wallets.origin,
    chainId: deps.wallets.chainId,
    guildId: actor.guildId,
    guildName,
    discordId: actor.discordId,
    address,
    nonce,
    issuedAt,
    expiresAt,
  });
  return deps.db.$transaction(async (tx) => {
    const member = await ensureMember(tx, actor, issuedAt);
    return tx.walletChallenge.create({
      data: { guildId: actor.guildId, memberId: member.id, address, nonce, message, issuedAt, expiresAt },
    });
  });
}
