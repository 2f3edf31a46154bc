import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { checkLinkMessage } from "./checkLinkMessage.ts";
import { type Candidate, findSignedChallenge } from "./findSignedChallenge.ts";
import { parseSiweMessage } from "./parseSiweMessage.ts";
import type { SiweMessage } from "./siweMessage.ts";

const RECENT_CHALLENGES = 10;
/** Discord's limit on an option's text; a Safe's signature with many owners or a wrapped one fits easily. */
export const MAX_SIGNATURE_CHARS = 6000;

/** Any byte string is a possible contract wallet's signature (a Safe's is 65 bytes per owner, or empty). */
export function parseSignature(input: string): string {
  const signature = input.trim();
  if (signature.length > MAX_SIGNATURE_CHARS) {
    throw new UserError("invalid_signature", { problem: "too_long", max: MAX_SIGNATURE_CHARS });
  }
  if (!/^0x(?:[0-9a-fA-F]{2})*$/.test(signature)) throw new UserError("invalid_signature", { problem: "format" });
  return signature;
}

/**
 * Checks a signature of a wallet link message and, when it signs one of the member's usable requests, makes that
 * address the member's active wallet (replacing any other, audited). Without `signedMessage` the signature is
 * matched against the member's recent requests' own messages; with it (a wallet or tool that hands back the text
 * it signed), that text is parsed as EIP-4361 and each field checked against its request and this Steward.
 */
export async function verifyWalletSignature(
  deps: Pick<ServiceDeps, "db" | "now" | "wallets">,
  actor: Actor,
  signatureInput: string,
  signedMessage?: string,
) {
  const signature = parseSignature(signatureInput);
  const now = deps.now();
  let candidates: Candidate[];
  if (signedMessage === undefined) {
    candidates = (
      await deps.db.walletChallenge.findMany({
        where: { guildId: actor.guildId, member: { discordId: actor.discordId } },
        orderBy: { issuedAt: "desc" },
        take: RECENT_CHALLENGES,
      })
    ).map((challenge) => ({ challenge, message: challenge.message }));
    if (candidates.length === 0) throw new UserError("no_pending_challenge", {});
  } else {
    candidates = [await pastedMessage(deps, actor, signedMessage, now)];
  }

  // Outside the transaction: a contract wallet is asked over the network, which must not hold database locks.
  const { challenge, kind } = await findSignedChallenge(deps.wallets, candidates, signature);
  checkLinkMessage(deps.wallets, challenge, messageFields(challenge.message), now);

  return runAudited(deps.db, async (tx) => {
    // The claim is the guard: of two verifications of one request, exactly one sets usedAt.
    const claimed = await tx.walletChallenge.updateMany({
      where: { id: challenge.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new UserError("challenge_used", { usedAt: now });

    const activeKey = `${actor.guildId}:${challenge.address}`;
    const holder = await tx.wallet.findUnique({ where: { activeAddress: activeKey } });
    if (holder && holder.memberId !== challenge.memberId)
      throw new UserError("address_in_use", { address: challenge.address });

    const previous = await tx.wallet.findUnique({ where: { activeFor: challenge.memberId } });
    if (previous) {
      await tx.wallet.update({
        where: { id: previous.id },
        data: { activeFor: null, activeAddress: null, replacedAt: now },
      });
    }
    const wallet = await tx.wallet.create({
      data: {
        guildId: actor.guildId,
        memberId: challenge.memberId,
        address: challenge.address,
        activeFor: challenge.memberId,
        activeAddress: activeKey,
        challengeId: challenge.id,
        linkedAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: previous ? "wallet.replaced" : "wallet.linked",
      subjectType: "member",
      subjectId: challenge.memberId,
      payload: {
        address: challenge.address,
        previousAddress: previous?.address ?? null,
        nonce: challenge.nonce,
        // How the wallet proved it signed, and where a contract wallet was asked.
        signature: kind,
        chainId: deps.wallets.chainId,
      },
      createdAt: now,
    });
    return { wallet, previousAddress: previous?.address ?? null, kind, chainId: deps.wallets.chainId };
  });
}

/** A pasted message: EIP-4361 by the letter, one of the member's own requests by its nonce, and usable now. */
async function pastedMessage(
  deps: Pick<ServiceDeps, "db" | "wallets">,
  actor: Actor,
  input: string,
  now: Date,
): Promise<Candidate> {
  // A valid message neither starts nor ends with whitespace: trimming only undoes what pasting added.
  const text = input.trim();
  const parsed = parseSiweMessage(text);
  if (!parsed.ok) throw new UserError("link_message_malformed", { line: parsed.line, problem: parsed.problem });
  const challenge = await deps.db.walletChallenge.findFirst({
    where: { nonce: parsed.message.nonce, guildId: actor.guildId, member: { discordId: actor.discordId } },
  });
  if (!challenge) throw new UserError("link_message_unknown_nonce", { nonce: parsed.message.nonce });
  // Before the signature: what is wrong with the text is worth saying whoever signed it.
  checkLinkMessage(deps.wallets, challenge, parsed.message, now);
  return { challenge, message: text };
}

/** The fields of a request's own message; a message of the format before EIP-4361 cannot be checked, so not used. */
function messageFields(message: string): SiweMessage {
  const parsed = parseSiweMessage(message);
  if (!parsed.ok) throw new UserError("challenge_outdated", {});
  return parsed.message;
}
