import { tokenAmountText } from "../../base/token.ts";
import type { Actor, ServiceDeps } from "../deps.ts";
import { UserError } from "../errors.ts";
import { ensureMember } from "../members/ensureMember.ts";
import { LIMITS, parsePrice } from "./declaredSpecs.ts";
import { loadOffers } from "./loadOffers.ts";
import { type FitFacts, rankOffers } from "./rankOffers.ts";

export interface ComputeRequestInput {
  gpuModel?: string | null | undefined;
  minVramGb?: number | null | undefined;
  gpuCount: number;
  hours: number;
  maxPrice: string;
  region?: string | null | undefined;
  purpose: string;
}

export const MAX_LEASE_HOURS = 720;
export const SHOWN_MATCHES = 3;

export interface StoredMatch {
  nodeId: number;
  score: number;
  reasons: string[];
  fit: FitFacts;
}

/**
 * A member asks for compute: online offers that fit (model or VRAM, count, price at most the maximum) ranked by
 * rankOffers. Stored with its top matches when one fits; refused with the nearest offers when none does.
 */
export async function requestCompute(
  deps: Pick<ServiceDeps, "db" | "now" | "token">,
  actor: Actor,
  input: ComputeRequestInput,
  /** A failover: the lease it continues, whose node is not offered again. */
  failover?: { leaseId: number; nodeId: number },
) {
  if (!Number.isInteger(input.gpuCount) || input.gpuCount < 1 || input.gpuCount > LIMITS.gpuCount) {
    throw new UserError("impossible_spec", {
      field: "gpu_count",
      value: String(input.gpuCount),
      min: 1,
      max: LIMITS.gpuCount,
    });
  }
  const hours = Math.round(input.hours * 100) / 100;
  if (!Number.isFinite(hours) || hours < 0.01 || hours > MAX_LEASE_HOURS) {
    throw new UserError("invalid_hours", { hours: input.hours, max: MAX_LEASE_HOURS });
  }
  if (input.minVramGb != null && (input.minVramGb < 1 || input.minVramGb > LIMITS.vramGb)) {
    throw new UserError("impossible_spec", {
      field: "min_vram_gb",
      value: String(input.minVramGb),
      min: 1,
      max: LIMITS.vramGb,
    });
  }
  const purpose = input.purpose.trim();
  if (purpose === "") throw new UserError("field_empty", { field: "purpose" });
  if (purpose.length > LIMITS.description) {
    throw new UserError("field_too_long", { field: "purpose", max: LIMITS.description, length: purpose.length });
  }
  const maxPrice = parsePrice(input.maxPrice, deps.token.decimals);
  const want = {
    gpuModel: input.gpuModel?.trim() || undefined,
    minVramGb: input.minVramGb ?? undefined,
    gpuCount: input.gpuCount,
    maxPrice,
    region: input.region?.trim().toLowerCase() || undefined,
  };
  const now = deps.now();
  const offers = (await loadOffers(deps.db, actor.guildId, now)).filter((o) => o.id !== failover?.nodeId);
  const price = (units: bigint) => tokenAmountText(units, deps.token);
  const { fits, nearest } = rankOffers(offers, want, price);
  if (fits.length === 0) {
    throw new UserError("no_fitting_offer", {
      nearest: nearest.slice(0, 3).map((n) => ({ nodeId: n.offer.id, name: n.offer.name, misses: n.misses })),
      token: deps.token,
    });
  }
  const matches: StoredMatch[] = fits
    .slice(0, SHOWN_MATCHES)
    .map((f) => ({ nodeId: f.offer.id, score: f.score, reasons: f.reasons, fit: f.fit }));
  const member = await ensureMember(deps.db, actor, now);
  const request = await deps.db.computeRequest.create({
    data: {
      guildId: actor.guildId,
      requesterId: member.id,
      gpuModel: want.gpuModel ?? null,
      minVramGb: want.minVramGb ?? null,
      gpuCount: want.gpuCount,
      hours: hours.toFixed(2),
      maxPrice: maxPrice.toString(),
      region: want.region ?? null,
      purpose,
      matches: matches as never,
      continuesLeaseId: failover?.leaseId ?? null,
      createdAt: now,
    },
  });
  const names = new Map(fits.map((f) => [f.offer.id, f.offer]));
  const ranked = matches.map((m) => ({ ...m, offer: names.get(m.nodeId) as (typeof fits)[number]["offer"] }));
  return { request, matches: ranked };
}

/** The agent's words on a request's ranking (null without a model or when it has nothing sound to say). */
export function explainRequest(
  deps: Pick<ServiceDeps, "compute">,
  input: ComputeRequestInput,
  matches: { nodeId: number; score: number; reasons: string[]; offer: { name: string } }[],
) {
  return deps.compute.explainMatches({
    request: {
      gpuCount: input.gpuCount,
      hours: input.hours,
      maxPrice: input.maxPrice,
      ...(input.gpuModel ? { gpuModel: input.gpuModel } : {}),
      ...(input.region ? { region: input.region } : {}),
      purpose: input.purpose,
    },
    matches: matches.map((m) => ({ node: m.nodeId, name: m.offer.name, score: m.score, reasons: m.reasons })),
  });
}
