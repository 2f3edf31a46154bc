import type { FitFacts } from "../compute/rankOffers.ts";
import type { KnownShortfall } from "../compute/reportedSpecs.ts";

/** An offer named in a failover notice: the node, its name, its score and the ranking's reasons. */
export interface FailoverOffer {
  nodeId: number;
  name: string;
  score: number;
  /** English; a notice queued before `fit` existed has only these. */
  reasons: string[];
  fit?: FitFacts;
}

/**
 * What the compute channel is told by the network's clock (or of a member's action), as facts; the Discord view
 * puts them in words in the guild's language (and mentions the people they concern). Times are ISO strings,
 * GPU-hours plain numbers, amounts smallest units.
 */
export type ComputeFact =
  | ComputeActionFact
  | { kind: "node_offline"; nodeId: number; name: string; lastHeartbeatAt: string }
  | { kind: "node_online"; nodeId: number; name: string; firstHeartbeat: boolean }
  | {
      kind: "lease_ended";
      leaseId: number;
      nodeId: number;
      deliveredGpuHours: number;
      agreedGpuHours: number;
      amount: string;
      providerId: string;
      requesterId: string;
    }
  | {
      kind: "lease_node_offline";
      leaseId: number;
      nodeId: number;
      nodeName: string;
      offlineSince: string;
      requesterId: string;
      providerId: string;
      hoursLeft: number;
      /** The request made for the remaining hours and its best offers; null when no online offer fits. */
      failover: { requestId: number; offers: FailoverOffer[] } | null;
    };

/** A lease's terms as its notices name them: hours a decimal string, the price per GPU-hour in smallest units. */
export interface LeaseTermsFact {
  leaseId: number;
  gpuCount: number;
  hours: string;
  nodeId: number;
  nodeName: string;
  price: string;
}

/**
 * What the compute channel is told of a member's own action (a node registered or retired, a lease asked for or
 * ended early), as facts: the publisher words them in the guild's language.
 */
export type ComputeActionFact =
  | {
      kind: "node_registered";
      nodeId: number;
      name: string;
      providerId: string;
      gpuModel: string | null;
      gpuCount: number;
      vramGb: number;
      cpuCores: number;
      ramGb: number;
      region: string;
      price: string;
    }
  | { kind: "node_retired"; nodeId: number; name: string; actorId: string }
  /** A new lease above LEASE_APPROVAL_ABOVE: moderators approve it (the button) before the provider is asked. */
  | { kind: "lease_awaiting_approval"; lease: LeaseTermsFact; requesterId: string; providerId: string; purpose: string }
  /** The provider is asked to accept or decline (the buttons). */
  | { kind: "lease_offered"; lease: LeaseTermsFact; requesterId: string; providerId: string; purpose: string }
  | { kind: "lease_ended_early"; leaseId: number; actorId: string; otherId: string }
  /** A heartbeat reports less than was declared: what falls short (words in a notice queued before it was facts). */
  | { kind: "node_shortfall"; nodeId: number; shortfall: KnownShortfall };
