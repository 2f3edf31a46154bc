/** An offer named in a failover notice: the node, its name, its score and the ranking's reasons. */
export interface FailoverOffer {
  nodeId: number;
  name: string;
  score: number;
  reasons: string[];
}

/**
 * What the compute channel is told by the network's clock, as facts; the Discord view puts them in words (and
 * mentions the people they concern). Times are ISO strings, GPU-hours plain numbers, amounts smallest units.
 */
export type ComputeFact =
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
