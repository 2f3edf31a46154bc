import type { DeclaredSpecs } from "./declaredSpecs.ts";

export interface ReportedGpu {
  name: string;
  uuid?: string | undefined;
  memoryMiB: number;
  driver?: string | undefined;
  computeCap?: string | undefined;
}

/** What the node agent reads from the machine and signs (by hash) in every heartbeat. */
export interface ReportedSpecs {
  cpuCores: number;
  ramGb: number;
  os: string;
  gpus: ReportedGpu[];
}

// nvidia-smi reports the usable memory (an H200 sold as 141 GB shows 143,771 MiB = 140.4 GiB), and an OS the RAM
// left after the kernel's share: small shortfalls are not the provider's fault.
const VRAM_TOLERANCE = 0.95;
const RAM_TOLERANCE = 0.9;
/** One GPU weighs as much as 16 CPU cores in the uptime reward. */
export const CORES_PER_GPU = 16;

const tokens = (text: string) =>
  text
    .toLowerCase()
    .split(/[^a-z0-9]+/)
    .filter((t) => t !== "" && t !== "nvidia" && t !== "geforce" && t !== "amd" && t !== "radeon");

/** "H200" matches "NVIDIA H200", "RTX 4090" matches "NVIDIA GeForce RTX 4090", "A100 80GB" "NVIDIA A100-SXM4-80GB". */
export function sameGpuModel(declared: string, reported: string): boolean {
  const want = tokens(declared);
  const have = tokens(reported).join("");
  return want.length > 0 && want.every((t) => have.includes(t));
}

/** The declared capacity the reported specs back: GPUs of the declared model with the declared VRAM, and cores. */
export function verifiedCapacity(declared: DeclaredSpecs, reported: ReportedSpecs | null) {
  if (!reported) return { gpus: 0, cores: 0 };
  const model = declared.gpuModel;
  const gpus =
    model === null
      ? 0
      : reported.gpus.filter(
          (g) => sameGpuModel(model, g.name) && g.memoryMiB / 1024 >= declared.vramGb * VRAM_TOLERANCE,
        ).length;
  return { gpus: Math.min(gpus, declared.gpuCount), cores: Math.min(reported.cpuCores, declared.cpuCores) };
}

/** The reward weight of a node: verified GPUs × 16, or verified cores for a node without GPUs. */
export function capacityWeight(declared: DeclaredSpecs, reported: ReportedSpecs | null): number {
  const v = verifiedCapacity(declared, reported);
  return declared.gpuModel === null ? v.cores : v.gpus * CORES_PER_GPU;
}

/** One way the reported specs fall short of the declared ones, as facts a view words (sizes in whole GB). */
export type ShortfallFact =
  | { kind: "no_gpu"; model: string; declared: number }
  | { kind: "other_gpu"; model: string; reported: string[] }
  | { kind: "gpu_count"; model: string; reported: number; declared: number }
  | { kind: "vram"; reportedGb: number; declaredGb: number }
  | { kind: "cpu_cores"; reported: number; declared: number }
  | { kind: "ram"; reportedGb: number; declaredGb: number };

/**
 * A node's shortfall as read back: the facts, or the English words a node's row held before shortfalls were facts
 * (shown as they were stored until its next heartbeat writes facts).
 */
export type KnownShortfall = ShortfallFact[] | string;

/** Where the reported specs fall short of the declared ones; null when they back every declared figure. */
export function specsShortfall(declared: DeclaredSpecs, reported: ReportedSpecs): ShortfallFact[] | null {
  const problems: ShortfallFact[] = [];
  const model = declared.gpuModel;
  if (model !== null) {
    const ofModel = reported.gpus.filter((g) => sameGpuModel(model, g.name));
    if (reported.gpus.length === 0) problems.push({ kind: "no_gpu", model, declared: declared.gpuCount });
    else if (ofModel.length === 0) {
      problems.push({ kind: "other_gpu", model, reported: [...new Set(reported.gpus.map((g) => g.name))] });
    } else if (ofModel.length < declared.gpuCount) {
      problems.push({ kind: "gpu_count", model, reported: ofModel.length, declared: declared.gpuCount });
    }
    const small = ofModel.filter((g) => g.memoryMiB / 1024 < declared.vramGb * VRAM_TOLERANCE);
    if (small.length > 0) {
      const gb = Math.floor(Math.min(...small.map((g) => g.memoryMiB)) / 1024);
      problems.push({ kind: "vram", reportedGb: gb, declaredGb: declared.vramGb });
    }
  }
  if (reported.cpuCores < declared.cpuCores) {
    problems.push({ kind: "cpu_cores", reported: reported.cpuCores, declared: declared.cpuCores });
  }
  if (reported.ramGb < declared.ramGb * RAM_TOLERANCE) {
    problems.push({ kind: "ram", reportedGb: reported.ramGb, declaredGb: declared.ramGb });
  }
  return problems.length === 0 ? null : problems;
}

/**
 * The shortfall as `ComputeNode.shortfall` holds it: JSON, compared as text by the heartbeat writer (the same facts
 * always serialise the same way, so an unchanged shortfall is not announced again).
 */
export const storedShortfall = (facts: ShortfallFact[] | null): string | null =>
  facts === null ? null : JSON.stringify(facts);

/** A stored shortfall read back: facts, or a row's English words from before shortfalls were facts. */
export function readShortfall(stored: string): KnownShortfall {
  if (!stored.startsWith("[")) return stored;
  try {
    return JSON.parse(stored) as ShortfallFact[];
  } catch {
    return stored;
  }
}

/** A stored shortfall (or none) read back. */
export const readShortfallOrNull = (stored: string | null): KnownShortfall | null =>
  stored === null ? null : readShortfall(stored);
