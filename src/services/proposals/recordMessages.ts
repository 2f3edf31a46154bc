import type { ServiceDeps } from "../deps.ts";

export async function recordProposalMessage(deps: ServiceDeps, id: number, channelId: string, messageId: string) {
  await deps.db.proposal.update({ where: { id }, data: { channelId, messageId } });
}

export async function recordResultMessage(deps: ServiceDeps, id: number, messageId: string) {
  await deps.db.proposal.update({ where: { id }, data: { resultMessageId: messageId } });
}
