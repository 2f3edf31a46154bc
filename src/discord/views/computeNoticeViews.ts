import { type Token, tokenAmountText } from "../../base/token.ts";
import type { ComputeFact } from "../../services/publishing/computeFacts.ts";
import type { ComputeText, NoticeButton } from "../../services/publishing/enqueuePosts.ts";
import { ts } from "./governanceFormat.ts";

/** The Choose buttons under a request's matches: a click asks for that node (`compute.choose` in the router). */
export const CHOOSE_PREFIX = "compute-choose";

export const chooseButtons = (requestId: number, nodeIds: number[]): NoticeButton[] =>
  nodeIds.map((nodeId, i) => ({
    customId: `${CHOOSE_PREFIX}:${requestId}:${nodeId}`,
    label: `Choose node #${nodeId}`,
    style: i === 0 ? ("primary" as const) : ("secondary" as const),
  }));

/** A compute-channel fact in words, with the people it pings and its buttons. */
export function computeFactNotice(fact: ComputeFact, token: Token): ComputeText {
  switch (fact.kind) {
    case "node_offline":
      return {
        content: `🔴 Node #${fact.nodeId} **${fact.name}** is offline: no heartbeat since ${ts(new Date(fact.lastHeartbeatAt))}.`,
      };
    case "node_online":
      return {
        content: `🟢 Node #${fact.nodeId} **${fact.name}** is online${fact.firstHeartbeat ? " (its first heartbeat)" : ""}.`,
      };
    case "lease_ended":
      return {
        content: `Lease #${fact.leaseId} on node #${fact.nodeId} ended: ${fact.deliveredGpuHours.toFixed(2)} of ${fact.agreedGpuHours.toFixed(2)} GPU-hours delivered, ${tokenAmountText(fact.amount, token)} for <@${fact.providerId}> at the epoch's close. <@${fact.requesterId}>`,
        mention: [fact.requesterId, fact.providerId],
      };
    case "lease_node_offline": {
      const head = `⚠️ <@${fact.requesterId}>, <@${fact.providerId}>: node #${fact.nodeId} **${fact.nodeName}** has been offline since ${ts(new Date(fact.offlineSince))}, during lease #${fact.leaseId} (paid only for the time it was online).`;
      const mention = [fact.requesterId, fact.providerId];
      const left = fact.hoursLeft.toFixed(2);
      if (!fact.failover) {
        return {
          content: `${head}\nNo other online offer fits the remaining ${left} h now; the lease continues if the node comes back.`,
          mention,
        };
      }
      const { offers, requestId } = fact.failover;
      return {
        content: `${head}\nTo continue the remaining ${left} h, the next best online offer${offers.length > 1 ? "s are" : " is"}: ${offers.map((m) => `node #${m.nodeId} **${m.name}** (score ${m.score}: ${m.reasons.join(", ")})`).join("; ")}. Choosing one ends lease #${fact.leaseId} once its provider accepts.`,
        mention,
        buttons: chooseButtons(
          requestId,
          offers.map((m) => m.nodeId),
        ),
      };
    }
  }
}
