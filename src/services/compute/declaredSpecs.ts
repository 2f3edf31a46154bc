import { parseUnits } from "ethers";
import { UserError } from "../errors.ts";

export interface DeclaredSpecs {
  name: string;
  gpuModel: string | null;
  gpuCount: number;
  vramGb: number;
  cpuCores: number;
  ramGb: number;
  region: string;
  /** Per GPU-hour (per CPU-hour without GPUs), smallest units. */
  price: bigint;
  description: string | null;
}

export interface SpecsInput {
  name: string;
  gpuModel: string;
  gpuCount: number;
  vramGb: number;
  cpuCores: number;
  ramGb: number;
  region: string;
  price: string;
  description?: string | null;
}

// Bounds of a real machine today: 16 GPUs is the largest single-node board (HGX-style); 1 TB of VRAM per GPU is
// far beyond any shipping part; 4,096 cores and 64 TB of RAM cover the largest single-system images.
export const LIMITS = {
  gpuCount: 16,
  vramGb: 1024,
  cpuCores: 4096,
  ramGb: 65_536,
  name: 64,
  gpuModel: 64,
  description: 300,
};
/** eu-west, us-east-1, ap-southeast-2, sa-east: an area code, a direction or zone, an optional number. */
export const REGION_FORMAT = /^[a-z]{2,4}-[a-z]{2,12}(-\d{1,2})?$/;
const NO_GPU = new Set(["", "none", "cpu", "no", "-"]);

function bounded(field: string, value: number, min: number, max: number) {
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new UserError("impossible_spec", { field, value: String(value), min, max });
  }
}

export function parsePrice(input: string, decimals: number): bigint {
  const text = input.trim();
  if (!/^\d+(\.\d+)?$/.test(text) || (text.split(".")[1]?.length ?? 0) > decimals) {
    throw new UserError("invalid_price", { input: text, decimals });
  }
  const units = parseUnits(text, decimals);
  if (units <= 0n) throw new UserError("invalid_price", { input: text, decimals });
  return units;
}

export function parseRegion(input: string): string {
  const region = input.trim().toLowerCase();
  if (!REGION_FORMAT.test(region)) throw new UserError("invalid_region", { input: input.trim() });
  return region;
}

/** The specs a provider declares, checked against what a machine can be; GPU model "none" for a CPU-only node. */
export function parseDeclaredSpecs(input: SpecsInput, decimals: number): DeclaredSpecs {
  const name = input.name.trim();
  if (name.length === 0) throw new UserError("field_empty", { field: "name" });
  if (name.length > LIMITS.name) {
    throw new UserError("field_too_long", { field: "name", max: LIMITS.name, length: name.length });
  }
  const model = input.gpuModel.trim();
  if (model.length > LIMITS.gpuModel) {
    throw new UserError("field_too_long", { field: "gpu_model", max: LIMITS.gpuModel, length: model.length });
  }
  const gpuModel = NO_GPU.has(model.toLowerCase()) ? null : model;
  if (gpuModel === null) {
    if (input.gpuCount !== 0) throw new UserError("gpu_count_without_model", { count: input.gpuCount });
    bounded("vram_gb", input.vramGb, 0, 0);
  } else {
    bounded("gpu_count", input.gpuCount, 1, LIMITS.gpuCount);
    bounded("vram_gb", input.vramGb, 1, LIMITS.vramGb);
  }
  bounded("cpu_cores", input.cpuCores, 1, LIMITS.cpuCores);
  bounded("ram_gb", input.ramGb, 1, LIMITS.ramGb);
  const description = input.description?.trim() || null;
  if (description && description.length > LIMITS.description) {
    throw new UserError("field_too_long", {
      field: "description",
      max: LIMITS.description,
      length: description.length,
    });
  }
  return {
    name,
    gpuModel,
    gpuCount: input.gpuCount,
    vramGb: input.vramGb,
    cpuCores: input.cpuCores,
    ramGb: input.ramGb,
    region: parseRegion(input.region),
    price: parsePrice(input.price, decimals),
    description,
  };
}

/** Declared specs as a node row holds them (the price a database decimal). */
export type StoredSpecs = Omit<DeclaredSpecs, "price"> & { price: { toString(): string } };

/** The declared specs of a stored node. */
export function declaredOf(node: StoredSpecs): DeclaredSpecs {
  return { ...node, price: BigInt(node.price.toString()) };
}
