import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { NearOffer, OfferMiss } from "../../services/compute/offerMiss.ts";
import { type KnownShortfall, readShortfall, type ShortfallFact } from "../../services/compute/reportedSpecs.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";

// Counts and sizes are given as text: they read as a node's specs are typed ("8 × H200", "141 GB").
const n = (value: number) => String(value);

function shortfallFactText(t: Translator, f: ShortfallFact): string {
  switch (f.kind) {
    case "no_gpu":
      return t.t("compute.shortfall.noGpu", { declared: n(f.declared), model: f.model });
    case "other_gpu":
      return t.t("compute.shortfall.otherGpu", { reported: t.list(f.reported), model: f.model });
    case "gpu_count":
      return t.t("compute.shortfall.gpuCount", { reported: n(f.reported), declared: n(f.declared), model: f.model });
    case "vram":
      return t.t("compute.shortfall.vram", { reportedGb: n(f.reportedGb), declaredGb: n(f.declaredGb) });
    case "cpu_cores":
      return t.t("compute.shortfall.cpuCores", { reported: n(f.reported), declared: n(f.declared) });
    case "ram":
      return t.t("compute.shortfall.ram", { reportedGb: n(f.reportedGb), declaredGb: n(f.declaredGb) });
  }
}

/**
 * Where a node's reported specs fall short of the declared ones, in the reader's language; a shortfall stored as
 * words (before it was facts: a node's row, a queued notice, a stored match) is shown as it was stored.
 */
export function shortfallText(t: Translator, shortfall: KnownShortfall): string {
  if (typeof shortfall === "string") return shortfall;
  return shortfall.map((f) => shortfallFactText(t, f)).join(t.t("compute.shortfall.separator"));
}

/** A node row's `shortfall` column in words. */
export const storedShortfallText = (t: Translator, stored: string) => shortfallText(t, readShortfall(stored));

function offerMissText(t: Translator, m: OfferMiss, token: Token): string {
  switch (m.kind) {
    case "offline":
      return t.t("compute.miss.offline");
    case "retired":
      return t.t("compute.miss.retired");
    case "gpu_model":
      return m.offered === null
        ? t.t("compute.miss.noGpu", { wanted: m.wanted })
        : t.t("compute.miss.gpuModel", { offered: m.offered, wanted: m.wanted });
    case "vram":
      return t.t("compute.miss.vram", { vramGb: n(m.vramGb), minVramGb: n(m.minVramGb) });
    case "free_gpus":
      return t.t("compute.miss.freeGpus", { free: m.free, wanted: n(m.wanted) });
    case "price":
      return t.t("compute.miss.price", {
        price: tokenAmountIn(t, m.price, token),
        maxPrice: tokenAmountIn(t, m.maxPrice, token),
      });
  }
}

/** Why an offer does not fit a request, in the reader's language. */
export const offerMissesText = (t: Translator, misses: OfferMiss[], token: Token) =>
  misses.map((m) => offerMissText(t, m, token)).join(t.t("compute.miss.separator"));

/** An offer that does not fit, as a refusal names it: the node and what it misses. */
export const nearOfferText = (t: Translator, o: NearOffer, token: Token) =>
  t.t("compute.miss.nearest", { nodeId: n(o.nodeId), name: o.name, misses: offerMissesText(t, o.misses, token) });
