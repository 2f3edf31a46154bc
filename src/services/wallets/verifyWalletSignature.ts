import { verifyMessage } from "ethers";
import type { WalletChallenge } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

const RECENT_CHALLENGES = 10;

function recover(message: string, signature: string): string | undefined {
  try {
    return verifyMessage(message, signature);
  } catch {
    return undefined;
  }
}

/**
 * Checks an EIP-191 signature against the member's recent challenges and, when it signs the newest usable one,
 * makes that address the member's active wallet (replacing any other, audited).
 */
export async function verifyWalletSignature(deps: ServiceDeps, actor: Actor, signatureInput: string) {
  const signature = signatureInput.trim();
  if (!/^0x[0-9a-fA-F]{130}$/.test(signature)) throw new UserError("invalid_signature", {});
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const challenges = await tx.walletChallenge.findMany({
      where: { guildId: actor.guildId, member: { discordId: actor.discordId } },
      orderBy: { issuedAt: "desc" },
      take: RECENT_CHALLENGES,
    });
    const latest = challenges[0];
    if (!latest) throw new UserError("no_pending_challenge", {});

    // Find which challenge was signed: the signature recovers the challenge's own address only for that one.
    let signed: WalletChallenge | undefined;
    for (const c of challenges) {
      if (recover(c.message, signature) === c.address) {
        signed = c;
        break;
      }
    }
    if (!signed) {
      const recovered = recover(latest.message, signature);
      if (!recovered) throw new UserError("invalid_signature", {});
      throw new UserError("signature_wrong_signer", { expected: latest.address, recovered });
    }
    if (signed.usedAt) throw new UserError("challenge_used", { usedAt: signed.usedAt });
    if (signed.expiresAt <= now) throw new UserError("challenge_expired", { expiredAt: signed.expiresAt });

    const claimed = await tx.walletChallenge.updateMany({
      where: { id: signed.id, usedAt: null },
      data: { usedAt: now },
    });
    if (claimed.count === 0) throw new UserError("challenge_used", { usedAt: now });

    const activeKey = `${actor.guildId}:${signed.address}`;
    const holder = await tx.wallet.findUnique({ where: { activeAddress: activeKey } });
    if (holder && holder.memberId !== signed.memberId)
      throw new UserError("address_in_use", { address: signed.address });

    const previous = await tx.wallet.findUnique({ where: { activeFor: signed.memberId } });
    if (previous) {
      await tx.wallet.update({
        where: { id: previous.id },
        data: { activeFor: null, activeAddress: null, replacedAt: now },
      });
    }
    const wallet = await tx.wallet.create({
      data: {
        guildId: actor.guildId,
        memberId: signed.memberId,
        address: signed.address,
        activeFor: signed.memberId,
        activeAddress: activeKey,
        challengeId: signed.id,
        linkedAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: previous ? "wallet.replaced" : "wallet.linked",
      subjectType: "member",
      subjectId: signed.memberId,
      payload: { address: signed.address, previousAddress: previous?.address ?? null, nonce: signed.nonce },
      createdAt: now,
    });
    return { wallet, previousAddress: previous?.address ?? null };
  });
}
