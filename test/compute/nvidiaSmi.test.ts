import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parseNvidiaSmiCsv, parseNvidiaSmiXml } from "../../src/nodeAgent/parseNvidiaSmi.ts";
import { readGpus } from "../../src/nodeAgent/readMachineSpecs.ts";

const fixture = (name: string) =>
  readFileSync(new URL(`../../../shared/fixtures/nvidia-smi/h200-1gpu/${name}`, import.meta.url), "utf8");

const H200 = {
  name: "NVIDIA H200",
  uuid: "GPU-22ccd39c-e49e-7a83-acb7-8cbd199959a5",
  memoryMiB: 143771,
  driver: "580.159.04",
  computeCap: "9.0",
};

describe("GPU specs from real nvidia-smi output (one H200)", () => {
  it("the agent's query without header or units", () => {
    expect(parseNvidiaSmiCsv(fixture("nvidia-smi-query-noheader.csv"))).toEqual({
      gpus: [H200],
      utilization: undefined,
    });
  });

  it("the full query with its header and units, utilisation included", () => {
    expect(parseNvidiaSmiCsv(fixture("nvidia-smi-query.csv"))).toEqual({ gpus: [H200], utilization: 0 });
  });

  it("the XML report of nvidia-smi -q -x", () => {
    const { gpus, utilization } = parseNvidiaSmiXml(fixture("nvidia-smi-q.xml"));
    expect(gpus).toEqual([{ ...H200, computeCap: undefined }]);
    expect(utilization).toBe(0);
  });

  it("several GPUs with the utilisation column average it", () => {
    const text = "0, NVIDIA H200, GPU-a, 143771, 580.1, 9.0, 30\n1, NVIDIA H200, GPU-b, 143771, 580.1, 9.0, 90\n";
    const r = parseNvidiaSmiCsv(text);
    expect(r.gpus.map((g) => g.uuid)).toEqual(["GPU-a", "GPU-b"]);
    expect(r.utilization).toBe(60);
  });

  it("a machine without nvidia-smi reports no GPU (not an error); empty output too", async () => {
    expect(await readGpus("/nonexistent/nvidia-smi")).toEqual({ gpus: [] });
    expect(parseNvidiaSmiCsv("")).toEqual({ gpus: [] });
  });
});
