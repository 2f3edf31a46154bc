/** Why an offer does not fit a request, as facts a view words (prices in smallest units). */
export type OfferMiss =
  | { kind: "offline" }
  | { kind: "retired" }
  | { kind: "gpu_model"; offered: string | null; wanted: string }
  | { kind: "vram"; vramGb: number; minVramGb: number }
  | { kind: "free_gpus"; free: number; wanted: number }
  | { kind: "price"; price: string; maxPrice: string };

/** An offer that does not fit, named in a refusal with what it misses. */
export interface NearOffer {
  nodeId: number;
  name: string;
  misses: OfferMiss[];
}
