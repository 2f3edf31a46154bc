import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { pseudonym, shortAddress } from "../transparency/publicIdentity.ts";
import { ensureMember } from "./ensureMember.ts";

export interface PrivacyView {
  showName: boolean;
  showWallet: boolean;
  /** How the public page names the member now. */
  publicName: string;
  /** The member's active wallet as the public page shows it (null: none linked). */
  publicWallet: string | null;
  pseudonym: string;
}

async function viewOf(
  deps: Pick<ServiceDeps, "db">,
  member: { id: string; username: string; showName: boolean; showWallet: boolean },
) {
  const wallet = await deps.db.wallet.findUnique({ where: { activeFor: member.id }, select: { address: true } });
  return {
    showName: member.showName,
    showWallet: member.showWallet,
    publicName: member.showName ? member.username : pseudonym(member.id),
    publicWallet: wallet ? (member.showWallet ? wallet.address : shortAddress(wallet.address)) : null,
    pseudonym: pseudonym(member.id),
  };
}

export async function privacySettings(deps: Pick<ServiceDeps, "db" | "now">, actor: Actor): Promise<PrivacyView> {
  const member = await ensureMember(deps.db, actor, deps.now());
  return viewOf(deps, member);
}

/** A member's own opt-in (or out) of being named, or of their full address, on the public page. Audited. */
export async function setPrivacy(
  deps: Pick<ServiceDeps, "db" | "now">,
  actor: Actor,
  setting: "showName" | "showWallet",
  on: boolean,
): Promise<PrivacyView> {
  const member = await runAudited(deps.db, async (tx) => {
    const now = deps.now();
    const m = await ensureMember(tx, actor, now);
    const updated = await tx.member.update({ where: { id: m.id }, data: { [setting]: on } });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "member.privacy",
      subjectType: "member",
      subjectId: m.id,
      payload: { [setting]: on },
      createdAt: now,
    });
    return updated;
  });
  return viewOf(deps, member);
}
