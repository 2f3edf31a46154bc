import type { OfferMiss } from "./offerMiss.ts";
import { type KnownShortfall, sameGpuModel } from "./reportedSpecs.ts";

export interface Offer {
  id: number;
  name: string;
  gpuModel: string | null;
  /** GPUs not in an active lease (of the verified ones). */
  freeGpus: number;
  vramGb: number;
  region: string;
  price: bigint;
  online: boolean;
  /** 0–1 over the last 7 days. */
  uptime: number;
  shortfall: KnownShortfall | null;
}

export interface Want {
  gpuModel?: string | undefined;
  minVramGb?: number | undefined;
  gpuCount: number;
  maxPrice: bigint;
  region?: string | undefined;
}

/**
 * Why a fitting offer ranks where it does, as facts a view words in the member's language (amounts in smallest
 * units): the same four signals as `reasons`.
 */
export interface FitFacts {
  /** 0–1 over the last 7 days. */
  uptime: number;
  price: string;
  maxPrice: string;
  region: string;
  /** The region asked (null: none), and whether the offer's region is it. */
  askedRegion: string | null;
  regionMatch: boolean;
  /** Words in a request stored before shortfalls were facts. */
  shortfall: KnownShortfall | null;
}

export interface Ranked {
  offer: Offer;
  /** 0–100. */
  score: number;
  /** In English, for the agent's prompt; members read `fit` in their language. */
  reasons: string[];
  fit: FitFacts;
}

/** Why an offer does not fit; empty when it fits. The hard filters: never left to a model. */
export function misses(offer: Offer, want: Want): OfferMiss[] {
  const out: OfferMiss[] = [];
  if (!offer.online) out.push({ kind: "offline" });
  if (want.gpuModel && (offer.gpuModel === null || !sameGpuModel(want.gpuModel, offer.gpuModel))) {
    out.push({ kind: "gpu_model", offered: offer.gpuModel, wanted: want.gpuModel });
  }
  if (want.minVramGb !== undefined && offer.vramGb < want.minVramGb) {
    out.push({ kind: "vram", vramGb: offer.vramGb, minVramGb: want.minVramGb });
  }
  if (offer.freeGpus < want.gpuCount) out.push({ kind: "free_gpus", free: offer.freeGpus, wanted: want.gpuCount });
  if (offer.price > want.maxPrice) {
    out.push({ kind: "price", price: offer.price.toString(), maxPrice: want.maxPrice.toString() });
  }
  return out;
}

// The agent reads the facts as they are: a model needs no sentence, and a JSON object cannot be misread.
const shortfallForModel = (s: KnownShortfall) =>
  typeof s === "string" ? s : s.map((f) => JSON.stringify(f)).join("; ");

/**
 * The documented deterministic ranking of fitting offers (score 0–100): 45 × uptime over 7 days, 35 × how far the
 * price is under the requester's maximum, 10 for the asked region (or for any when none is asked), 10 when the
 * reported specs back the declared ones. Ties: the cheaper, then the older node. Offers that do not fit are
 * returned apart, nearest first (fewest misses, then cheapest), so a refusal can name them.
 */
export function rankOffers(offers: Offer[], want: Want, price: (units: bigint) => string) {
  const fits: Ranked[] = [];
  const nearest: { offer: Offer; misses: OfferMiss[] }[] = [];
  for (const offer of offers) {
    const m = misses(offer, want);
    if (m.length > 0) {
      nearest.push({ offer, misses: m });
      continue;
    }
    // A fitting offer's price is at most the maximum, which is above 0 (prices are): no division by zero.
    const cheapness = Number(((want.maxPrice - offer.price) * 10_000n) / want.maxPrice) / 10_000;
    const regionMatch = !want.region || offer.region.startsWith(want.region.toLowerCase());
    const score = 45 * offer.uptime + 35 * cheapness + (regionMatch ? 10 : 0) + (offer.shortfall ? 0 : 10);
    fits.push({
      offer,
      score: Math.round(score * 10) / 10,
      reasons: [
        `${(Math.floor(offer.uptime * 1000) / 10).toFixed(1)} % uptime over 7 days`,
        `${price(offer.price)} per GPU-hour (your maximum: ${price(want.maxPrice)})`,
        want.region
          ? `${offer.region}${regionMatch ? " (the region you asked)" : ` (not ${want.region})`}`
          : offer.region,
        offer.shortfall ? `flagged: ${shortfallForModel(offer.shortfall)}` : "reported specs match the declared ones",
      ],
      fit: {
        uptime: offer.uptime,
        price: offer.price.toString(),
        maxPrice: want.maxPrice.toString(),
        region: offer.region,
        askedRegion: want.region ?? null,
        regionMatch,
        shortfall: offer.shortfall,
      },
    });
  }
  fits.sort((a, b) =>
    b.score !== a.score
      ? b.score - a.score
      : a.offer.price !== b.offer.price
        ? a.offer.price < b.offer.price
          ? -1
          : 1
        : a.offer.id - b.offer.id,
  );
  nearest.sort((a, b) =>
    a.misses.length !== b.misses.length
      ? a.misses.length - b.misses.length
      : a.offer.price !== b.offer.price
        ? a.offer.price < b.offer.price
          ? -1
          : 1
        : a.offer.id - b.offer.id,
  );
  return { fits, nearest };
}
