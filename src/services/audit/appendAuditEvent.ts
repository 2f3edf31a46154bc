import { createHash } from "node:crypto";
import type { Prisma } from "../../generated/prisma/client.ts";
import { canonicalJson } from "./canonicalJson.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface AuditInput {
  guildId: string;
  actorId: string;
  action: string;
  subjectType: string;
  subjectId: string;
  payload: Record<string, unknown>;
  createdAt: Date;
}

export function auditHash(prevHash: string, event: AuditInput): string {
  const body = canonicalJson({ ...event, payload: JSON.parse(canonicalJson(event.payload)) });
  return createHash("sha256").update(prevHash).update("\n").update(body).digest("hex");
}

/**
 * Appends one event to the hash chain. Call it inside the transaction that makes the change it records: a
 * concurrent writer that read the same chain head fails on the unique prevHash and its transaction is retried
 * (see runAudited).
 */
export async function appendAuditEvent(tx: Prisma.TransactionClient, event: AuditInput) {
  const head = await tx.auditEvent.findFirst({ orderBy: { id: "desc" }, select: { hash: true } });
  const prevHash = head?.hash ?? GENESIS_HASH;
  const payload = JSON.parse(canonicalJson(event.payload)) as Prisma.InputJsonValue;
  return tx.auditEvent.create({
    data: { ...event, payload, prevHash, hash: auditHash(prevHash, event) },
  });
}
