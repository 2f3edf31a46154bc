import { execFile } from "node:child_process";
import os from "node:os";
import type { ReportedSpecs } from "../services/compute/reportedSpecs.ts";
import { GPU_QUERY, type GpuReading, parseNvidiaSmiCsv } from "./parseNvidiaSmi.ts";

/** GPUs from `nvidia-smi` when it is installed; none (not an error) on a machine without it. */
export function readGpus(command = process.env.NVIDIA_SMI ?? "nvidia-smi"): Promise<GpuReading> {
  return new Promise((resolve) => {
    execFile(
      command,
      [`--query-gpu=${GPU_QUERY.join(",")}`, "--format=csv,noheader,nounits"],
      { timeout: 10_000 },
      (error, stdout) => resolve(error ? { gpus: [] } : parseNvidiaSmiCsv(stdout)),
    );
  });
}

/** What the agent reports: CPU cores, memory, OS, GPUs; and how busy it is (GPUs' average, else the CPU load). */
export async function readMachineSpecs(): Promise<{ specs: ReportedSpecs; utilization: number }> {
  const { gpus, utilization } = await readGpus();
  const cores = os.cpus().length;
  const load = Math.round(Math.min(100, ((os.loadavg()[0] ?? 0) / Math.max(1, cores)) * 100));
  return {
    specs: {
      cpuCores: cores,
      ramGb: Math.floor(os.totalmem() / 1024 ** 3),
      os: `${os.type()} ${os.release()} ${os.arch()}`.slice(0, 200),
      gpus,
    },
    utilization: utilization ?? load,
  };
}
