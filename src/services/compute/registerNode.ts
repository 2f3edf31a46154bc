import type { ComputeNode } from "../../generated/prisma/client.ts";
import { appendAuditEvent } from "../audit/appendAuditEvent.ts";
import { runAudited } from "../audit/runAudited.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { enqueuePosts, type PostRequest } from "../publishing/enqueuePosts.ts";
import { parseAddress } from "../wallets/createWalletChallenge.ts";
import { parseDeclaredSpecs, type SpecsInput } from "./declaredSpecs.ts";

export const activeKeyOf = (guildId: string, publicKey: string) => `${guildId}:${publicKey.toLowerCase()}`;

/**
 * Registers a provider's node, `pending` until its agent's first valid heartbeat. Only holders of PROVIDER_ROLE
 * with a verified wallet (rewards go there), at most MAX_NODES_PER_PROVIDER live nodes each, one key per live node
 * in the guild.
 */
export async function registerNode(
  deps: Pick<ServiceDeps, "compute" | "db" | "now" | "token">,
  actor: Actor,
  roles: string[],
  input: SpecsInput & { publicKey: string },
  /** Its announcement in the compute channel (the adapter's words), queued with the registration. */
  announce: (node: ComputeNode) => PostRequest[] = () => [],
) {
  if (!roles.includes(deps.compute.providerRole)) {
    throw new UserError("missing_role", { role: deps.compute.providerRole });
  }
  const declared = parseDeclaredSpecs(input, deps.token.decimals);
  const publicKey = parseAddress(input.publicKey);
  const now = deps.now();
  return runAudited(deps.db, async (tx) => {
    const member = await ensureMember(tx, actor, now);
    const wallet = await tx.wallet.findUnique({ where: { activeFor: member.id } });
    if (!wallet) throw new UserError("provider_needs_wallet", {});
    const live = await tx.computeNode.count({ where: { providerId: member.id, status: { not: "retired" } } });
    if (live >= deps.compute.maxNodesPerProvider) {
      throw new UserError("too_many_nodes", { max: deps.compute.maxNodesPerProvider });
    }
    const activeKey = activeKeyOf(actor.guildId, publicKey);
    const holder = await tx.computeNode.findUnique({ where: { activeKey }, select: { id: true } });
    if (holder) throw new UserError("node_key_in_use", { nodeId: holder.id, publicKey });
    const node = await tx.computeNode.create({
      data: {
        guildId: actor.guildId,
        providerId: member.id,
        ...declared,
        price: declared.price.toString(),
        publicKey,
        activeKey,
        registeredAt: now,
        statusChangedAt: now,
      },
    });
    await appendAuditEvent(tx, {
      guildId: actor.guildId,
      actorId: actor.discordId,
      action: "node.registered",
      subjectType: "node",
      subjectId: String(node.id),
      payload: { ...declared, price: declared.price.toString(), publicKey },
      createdAt: now,
    });
    await enqueuePosts(tx, now, announce(node));
    return node;
  });
}
