import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";

/** A node of this guild, with its provider. */
export async function findNode(deps: Pick<ServiceDeps, "db">, guildId: string, id: number) {
  const node = await deps.db.computeNode.findUnique({ where: { id }, include: { provider: true } });
  if (!node || node.guildId !== guildId) throw new UserError("node_not_found", { id });
  return node;
}

/** A node the actor provides and that is not retired: only its provider changes it. */
export async function findOwnLiveNode(deps: Pick<ServiceDeps, "db">, actor: Actor, id: number) {
  const node = await findNode(deps, actor.guildId, id);
  if (node.provider.discordId !== actor.discordId) throw new UserError("not_your_node", { id });
  if (node.status === "retired") throw new UserError("node_is_retired", { id });
  return node;
}
