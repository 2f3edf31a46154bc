import type { ReportedGpu } from "../services/compute/reportedSpecs.ts";

/** The query the agent runs; `--format=csv,noheader,nounits` gives these columns in this order. */
export const GPU_QUERY = ["index", "name", "uuid", "memory.total", "driver_version", "compute_cap", "utilization.gpu"];

const number = (text: string | undefined) => {
  const n = Number.parseFloat((text ?? "").replace(/[^0-9.]/g, ""));
  return Number.isFinite(n) ? n : undefined;
};

export interface GpuReading {
  gpus: ReportedGpu[];
  /** Average GPU utilisation in percent, when reported. */
  utilization?: number | undefined;
}

/**
 * Parses `nvidia-smi --query-gpu=… --format=csv` output, with or without the header line and units ("143771 MiB",
 * "0 %"). Without a header the columns are GPU_QUERY's (the first six are enough: older agents asked no
 * utilisation). Header names map by their name before any " [unit]".
 */
export function parseNvidiaSmiCsv(text: string): GpuReading {
  const lines = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l !== "");
  if (lines.length === 0) return { gpus: [] };
  const split = (line: string) => line.split(",").map((c) => c.trim());
  const first = split(lines[0] as string);
  const hasHeader = first.includes("name") || first.some((c) => c.startsWith("memory.total"));
  const columns = hasHeader ? first.map((c) => c.replace(/\s*\[.*\]$/, "")) : GPU_QUERY;
  const at = (cells: string[], name: string) => {
    const i = columns.indexOf(name);
    return i >= 0 ? cells[i] : undefined;
  };
  const utilizations: number[] = [];
  const gpus = (hasHeader ? lines.slice(1) : lines).map((line) => {
    const cells = split(line);
    const util = number(at(cells, "utilization.gpu"));
    if (util !== undefined) utilizations.push(util);
    return {
      name: at(cells, "name") ?? "unknown GPU",
      uuid: at(cells, "uuid"),
      memoryMiB: Math.round(number(at(cells, "memory.total")) ?? 0),
      driver: at(cells, "driver_version"),
      computeCap: at(cells, "compute_cap"),
    };
  });
  const utilization =
    utilizations.length > 0 ? Math.round(utilizations.reduce((a, b) => a + b, 0) / utilizations.length) : undefined;
  return { gpus, utilization };
}

const tag = (xml: string, name: string) => new RegExp(`<${name}>([^<]*)</${name}>`).exec(xml)?.[1]?.trim();

/** Parses `nvidia-smi -q -x` (the XML report): each <gpu> element's product name, UUID, memory and driver. */
export function parseNvidiaSmiXml(xml: string): GpuReading {
  const driver = tag(xml, "driver_version");
  const utilizations: number[] = [];
  const gpus = [...xml.matchAll(/<gpu id="[^"]*">([\s\S]*?)<\/gpu>/g)].map((m) => {
    const body = m[1] ?? "";
    const memory = /<fb_memory_usage>([\s\S]*?)<\/fb_memory_usage>/.exec(body)?.[1] ?? "";
    const util = /<utilization>([\s\S]*?)<\/utilization>/.exec(body)?.[1] ?? "";
    const gpuUtil = number(tag(util, "gpu_util"));
    if (gpuUtil !== undefined) utilizations.push(gpuUtil);
    const cap = /<compute_cap>([^<]*)<\/compute_cap>/.exec(body)?.[1]?.trim();
    return {
      name: tag(body, "product_name") ?? "unknown GPU",
      uuid: tag(body, "uuid"),
      memoryMiB: Math.round(number(tag(memory, "total")) ?? 0),
      driver,
      computeCap: cap,
    };
  });
  const utilization =
    utilizations.length > 0 ? Math.round(utilizations.reduce((a, b) => a + b, 0) / utilizations.length) : undefined;
  return { gpus, utilization };
}
