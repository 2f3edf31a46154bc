import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { ComputeFact, LeaseTermsFact } from "../../services/publishing/computeFacts.ts";
import type { ComputeText, NoticeButton } from "../../services/publishing/enqueuePosts.ts";
import { shortfallText } from "./computeFactText.ts";
import { fitText, fixed, hardwareText, leaseButtons, leaseTerms, perHourText } from "./computeViews.ts";
import { clip, ts } from "./governanceFormat.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine } from "./userText.ts";

/** The Choose buttons under a request's matches: a click asks for that node (`compute.choose` in the router). */
export const CHOOSE_PREFIX = "compute-choose";

export const chooseButtons = (t: Translator, requestId: number, nodeIds: number[]): NoticeButton[] =>
  nodeIds.map((nodeId, i) => ({
    customId: `${CHOOSE_PREFIX}:${requestId}:${nodeId}`,
    label: t.t("compute.choose.button", { nodeId: String(nodeId) }),
    style: i === 0 ? ("primary" as const) : ("secondary" as const),
  }));

const termsOf = (t: Translator, l: LeaseTermsFact, token: Token) =>
  leaseTerms(t, { ...l, node: { id: l.nodeId, name: l.nodeName } }, token);

/** A compute-channel fact in the guild's words, with the people it pings and its buttons. */
export function computeFactNotice(t: Translator, fact: ComputeFact, token: Token): ComputeText {
  switch (fact.kind) {
    case "node_registered":
      return {
        content: t.t("compute.notice.nodeRegistered", {
          providerId: fact.providerId,
          nodeId: String(fact.nodeId),
          name: userLine(fact.name, 64),
          hardware: hardwareText(t, fact),
          region: userLine(fact.region, 24),
          perHour: perHourText(t, fact.price, fact.gpuModel, token),
        }),
      };
    case "node_retired":
      return {
        content: t.t("compute.notice.nodeRetired", {
          actorId: fact.actorId,
          nodeId: String(fact.nodeId),
          name: userLine(fact.name, 64),
        }),
      };
    case "node_shortfall":
      return {
        content: t.t("compute.notice.nodeShortfall", {
          nodeId: String(fact.nodeId),
          shortfall: clip(shortfallText(t, fact.shortfall), 1500),
        }),
      };
    case "node_offline":
      return {
        content: t.t("compute.notice.nodeOffline", {
          nodeId: String(fact.nodeId),
          name: fact.name,
          since: ts(new Date(fact.lastHeartbeatAt)),
        }),
      };
    case "node_online":
      return {
        content: t.t(fact.firstHeartbeat ? "compute.notice.nodeOnlineFirst" : "compute.notice.nodeOnline", {
          nodeId: String(fact.nodeId),
          name: fact.name,
        }),
      };
    case "lease_awaiting_approval":
      return {
        content: t.t("compute.notice.leaseAwaitingApproval", {
          leaseId: String(fact.lease.leaseId),
          providerId: fact.providerId,
          requesterId: fact.requesterId,
          terms: termsOf(t, fact.lease, token),
          purpose: userLine(fact.purpose, 200),
        }),
        buttons: leaseButtons(t, fact.lease.leaseId, "approve"),
        leaseId: fact.lease.leaseId,
      };
    case "lease_offered":
      return {
        content: t.t("compute.notice.leaseOffered", {
          leaseId: String(fact.lease.leaseId),
          providerId: fact.providerId,
          requesterId: fact.requesterId,
          terms: termsOf(t, fact.lease, token),
          purpose: userLine(fact.purpose, 200),
        }),
        mention: [fact.providerId],
        buttons: leaseButtons(t, fact.lease.leaseId, "decide"),
        leaseId: fact.lease.leaseId,
      };
    case "lease_ended_early":
      return {
        content: t.t("compute.notice.leaseEndedEarly", {
          leaseId: String(fact.leaseId),
          actorId: fact.actorId,
          otherId: fact.otherId,
        }),
        mention: [fact.otherId],
      };
    case "lease_ended":
      return {
        content: t.t("compute.notice.leaseEnded", {
          leaseId: String(fact.leaseId),
          nodeId: String(fact.nodeId),
          delivered: fixed(t, fact.deliveredGpuHours, 2),
          agreed: fixed(t, fact.agreedGpuHours, 2),
          amount: tokenAmountIn(t, fact.amount, token),
          providerId: fact.providerId,
          requesterId: fact.requesterId,
        }),
        mention: [fact.requesterId, fact.providerId],
      };
    case "lease_node_offline": {
      const head = t.t("compute.notice.leaseNodeOffline", {
        requesterId: fact.requesterId,
        providerId: fact.providerId,
        nodeId: String(fact.nodeId),
        nodeName: fact.nodeName,
        since: ts(new Date(fact.offlineSince)),
        leaseId: String(fact.leaseId),
      });
      const mention = [fact.requesterId, fact.providerId];
      const hours = fixed(t, fact.hoursLeft, 2);
      if (!fact.failover) {
        return { content: `${head}\n${t.t("compute.notice.noFailover", { hours })}`, mention };
      }
      const { offers, requestId } = fact.failover;
      const named = offers.map((m) =>
        t.t("compute.notice.failoverOffer", {
          nodeId: String(m.nodeId),
          name: m.name,
          score: t.number(m.score),
          reasons: fitText(t, m, token).join(t.t("compute.separator")),
        }),
      );
      return {
        content: `${head}\n${t.t("compute.notice.failover", {
          hours,
          offerCount: offers.length,
          offers: named.join(t.t("compute.notice.offerSeparator")),
          leaseId: String(fact.leaseId),
        })}`,
        mention,
        buttons: chooseButtons(
          t,
          requestId,
          offers.map((m) => m.nodeId),
        ),
      };
    }
  }
}
