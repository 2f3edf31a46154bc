import type { MatchExplainer } from "../../llm/matchExplainers.ts";

/** Settings of the compute network, from the config (PROVIDER_ROLE, HEARTBEAT_INTERVAL, …). */
export interface ComputeDeps {
  /** Explains a request's ranking in words (the LLM when configured); the ranking itself is rankOffers'. */
  explainMatches: MatchExplainer;
  providerRole: string;
  maxNodesPerProvider: number;
  heartbeatIntervalMs: number;
  maxClockSkewMs: number;
  /** A lease costing more than this needs a moderator's approval before the provider is asked; undefined: never. */
  leaseApprovalAbove?: bigint | undefined;
  /** A leased node offline this long: requester and provider are told and the next best offer is proposed. */
  leaseFailoverAfterMs: number;
  /** Tokens (smallest units) shared each epoch among nodes by verified capacity × uptime. */
  budget: bigint;
  /** Capacity challenges (see challengeWork): mean time between them, the answer's deadline, and their size. */
  challenge: { intervalMs: number; deadlineMs: number; laneKib: number; lanesPerGpu: number };
  /** The most reward weight one provider is paid for across their nodes; undefined: no cap. */
  maxCapacityPerProvider?: number | undefined;
}

/** A node is down once no heartbeat came for two intervals. */
export const downAfterMs = (compute: ComputeDeps) => 2 * compute.heartbeatIntervalMs;
