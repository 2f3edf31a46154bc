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

/** Where the reported specs fall short of the declared ones, in words; null when they back every declared figure. */
export function specsShortfall(declared: DeclaredSpecs, reported: ReportedSpecs): string | null {
  const problems: string[] = [];
  const model = declared.gpuModel;
  if (model !== null) {
    const ofModel = reported.gpus.filter((g) => sameGpuModel(model, g.name));
    if (reported.gpus.length === 0) problems.push(`reports no GPU, ${declared.gpuCount} × ${model} declared`);
    else if (ofModel.length === 0) {
      const names = [...new Set(reported.gpus.map((g) => g.name))].join(", ");
      problems.push(`reports ${names}, not the declared ${model}`);
    } else if (ofModel.length < declared.gpuCount) {
      problems.push(`reports ${ofModel.length} × ${model}, ${declared.gpuCount} declared`);
    }
    const small = ofModel.filter((g) => g.memoryMiB / 1024 < declared.vramGb * VRAM_TOLERANCE);
    if (small.length > 0) {
      const gb = Math.floor(Math.min(...small.map((g) => g.memoryMiB)) / 1024);
      problems.push(`reports ${gb} GB of VRAM per GPU, ${declared.vramGb} GB declared`);
    }
  }
  if (reported.cpuCores < declared.cpuCores) {
    problems.push(`reports ${reported.cpuCores} CPU cores, ${declared.cpuCores} declared`);
  }
  if (reported.ramGb < declared.ramGb * RAM_TOLERANCE) {
    problems.push(`reports ${reported.ramGb} GB of RAM, ${declared.ramGb} GB declared`);
  }
  return problems.length === 0 ? null : problems.join("; ");
}
