import type { ServiceDeps } from "../deps.ts";

export async function recordProposalMessage(
  deps: Pick<ServiceDeps, "db">,
  id: number,
  channelId: string,
  messageId: string,
) {
  await deps.db.proposal.update({ where: { id }, data: { channelId, messageId } });
}

export async function recordResultMessage(deps: Pick<ServiceDeps, "db">, id: number, messageId: string) {
  await deps.db.proposal.update({ where: { id }, data: { resultMessageId: messageId } });
}

/** The proposal's message was deleted on Discord: the next render posts a new one. */
export async function forgetProposalMessage(deps: Pick<ServiceDeps, "db">, id: number) {
  await deps.db.proposal.update({ where: { id }, data: { messageId: null } });
}

/** The result's message was deleted: the next render posts it again. */
export async function forgetResultMessage(deps: Pick<ServiceDeps, "db">, id: number) {
  await deps.db.proposal.update({ where: { id }, data: { resultMessageId: null } });
}
