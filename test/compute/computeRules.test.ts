import { hexlify, keccak256, toUtf8Bytes } from "ethers";
import { describe, expect, it } from "vitest";
import { parseDeclaredSpecs } from "../../src/services/compute/declaredSpecs.ts";
import {
  heartbeatDigest,
  heartbeatDigestBytes,
  heartbeatDomain,
} from "../../src/services/compute/heartbeatTypedData.ts";
import { agreedCost, deliveredCost } from "../../src/services/compute/leaseCost.ts";
import { type Offer, rankOffers } from "../../src/services/compute/rankOffers.ts";
import {
  capacityWeight,
  readShortfall,
  type ShortfallFact,
  sameGpuModel,
  specsShortfall,
  storedShortfall,
  verifiedCapacity,
} from "../../src/services/compute/reportedSpecs.ts";
import { coveredMs, uptimeRatio } from "../../src/services/compute/uptime.ts";
import { UserError } from "../../src/services/errors.ts";

const declared = parseDeclaredSpecs(
  {
    name: "box",
    gpuModel: "H200",
    gpuCount: 8,
    vramGb: 141,
    cpuCores: 64,
    ramGb: 1024,
    region: "EU-West",
    price: "2.5",
  },
  18,
);
const h200 = { name: "NVIDIA H200", memoryMiB: 143771 };
const reported = (gpus: (typeof h200)[], cores = 64, ram = 1000) => ({
  cpuCores: cores,
  ramGb: ram,
  os: "Linux",
  gpus,
});

const refusal = (fn: () => unknown) => {
  try {
    fn();
  } catch (error) {
    if (error instanceof UserError) return { code: error.code, context: error.context };
    throw error;
  }
  throw new Error("not refused");
};

describe("declared specs", () => {
  it("keeps what a machine can be and normalises the region and price", () => {
    expect(declared.region).toBe("eu-west");
    expect(declared.price).toBe(2_500_000_000_000_000_000n);
    expect(parseDeclaredSpecs({ ...base(), gpuModel: "none", gpuCount: 0, vramGb: 0 }, 18).gpuModel).toBeNull();
  });

  it("refuses impossible specs, naming the field and the bounds", () => {
    expect(refusal(() => parseDeclaredSpecs({ ...base(), gpuCount: 0 }, 18))).toEqual({
      code: "impossible_spec",
      context: { field: "gpu_count", value: "0", min: 1, max: 16 },
    });
    expect(refusal(() => parseDeclaredSpecs({ ...base(), vramGb: 1025 }, 18)).context).toMatchObject({
      field: "vram_gb",
      max: 1024,
    });
    expect(refusal(() => parseDeclaredSpecs({ ...base(), cpuCores: 0 }, 18)).context).toMatchObject({
      field: "cpu_cores",
    });
    expect(refusal(() => parseDeclaredSpecs({ ...base(), price: "0" }, 18)).code).toBe("invalid_price");
    expect(refusal(() => parseDeclaredSpecs({ ...base(), price: "-1" }, 18)).code).toBe("invalid_price");
    expect(refusal(() => parseDeclaredSpecs({ ...base(), price: "1.5" }, 0)).code).toBe("invalid_price");
    expect(refusal(() => parseDeclaredSpecs({ ...base(), region: "mars" }, 18))).toEqual({
      code: "invalid_region",
      context: { input: "mars" },
    });
    expect(refusal(() => parseDeclaredSpecs({ ...base(), gpuModel: "none", gpuCount: 2 }, 18)).code).toBe(
      "gpu_count_without_model",
    );
    expect(refusal(() => parseDeclaredSpecs({ ...base(), name: "  " }, 18)).code).toBe("field_empty");
  });
});

function base() {
  return {
    name: "n",
    gpuModel: "H200",
    gpuCount: 1,
    vramGb: 141,
    cpuCores: 8,
    ramGb: 64,
    region: "eu-west",
    price: "1",
  };
}

describe("reported against declared specs", () => {
  it("matches GPU models the way nvidia-smi names them", () => {
    expect(sameGpuModel("H200", "NVIDIA H200")).toBe(true);
    expect(sameGpuModel("RTX 4090", "NVIDIA GeForce RTX 4090")).toBe(true);
    expect(sameGpuModel("A100 80GB", "NVIDIA A100-SXM4-80GB")).toBe(true);
    expect(sameGpuModel("H100", "NVIDIA H200")).toBe(false);
    expect(sameGpuModel("", "NVIDIA H200")).toBe(false);
    // Vendor words on the declared side do not have to appear in what the driver reports.
    expect(sameGpuModel("NVIDIA H200", "H200 NVL")).toBe(true);
    expect(sameGpuModel("GeForce RTX 4090", "RTX 4090")).toBe(true);
    expect(sameGpuModel("AMD Radeon MI300X", "MI300X")).toBe(true);
    // Digits alone do not match another letter's part, every word must be there, spacing does not matter.
    expect(sameGpuModel("A100", "NVIDIA H100")).toBe(false);
    expect(sameGpuModel("H100 80GB", "NVIDIA H200 80GB")).toBe(false);
    expect(sameGpuModel("RTX4090", "NVIDIA GeForce RTX 4090")).toBe(true);
  });

  it("names each shortfall as facts and caps the verified capacity at what is reported", () => {
    expect(specsShortfall(declared, reported(Array(8).fill(h200)))).toBeNull();
    expect(specsShortfall(declared, reported([h200, h200]))).toEqual([
      { kind: "gpu_count", model: "H200", reported: 2, declared: 8 },
    ]);
    const a10 = { name: "NVIDIA A10", memoryMiB: 24000 };
    expect(specsShortfall(declared, reported([a10, a10]))).toEqual([
      { kind: "other_gpu", model: "H200", reported: ["NVIDIA A10"] },
    ]);
    expect(specsShortfall(declared, reported([]))).toEqual([{ kind: "no_gpu", model: "H200", declared: 8 }]);
    const small = Array(8).fill({ name: "NVIDIA H200", memoryMiB: 80_000 });
    expect(specsShortfall(declared, reported(small))).toEqual([{ kind: "vram", reportedGb: 78, declaredGb: 141 }]);
    expect(specsShortfall(declared, reported(Array(8).fill(h200), 32, 500))).toEqual([
      { kind: "cpu_cores", reported: 32, declared: 64 },
      { kind: "ram", reportedGb: 500, declaredGb: 1024 },
    ]);
    // Stored as JSON text; a row written before shortfalls were facts reads back as its words.
    const facts = specsShortfall(declared, reported([])) as ShortfallFact[];
    expect(readShortfall(storedShortfall(facts) as string)).toEqual(facts);
    expect(storedShortfall(null)).toBeNull();
    expect(readShortfall("reports no GPU, 8 × H200 declared")).toBe("reports no GPU, 8 × H200 declared");
    expect(readShortfall("[not json")).toBe("[not json");
    expect(verifiedCapacity(declared, reported([h200, h200]))).toEqual({ gpus: 2, cores: 64 });
    expect(verifiedCapacity(declared, reported(small)).gpus).toBe(0);
    expect(verifiedCapacity(declared, reported(Array(12).fill(h200))).gpus).toBe(8);
    expect(capacityWeight(declared, reported([h200, h200]))).toBe(32);
    expect(capacityWeight(declared, null)).toBe(0);
    const cpu = parseDeclaredSpecs({ ...base(), gpuModel: "none", gpuCount: 0, vramGb: 0, cpuCores: 8 }, 18);
    expect(capacityWeight(cpu, reported([], 6))).toBe(6);
    // A CPU-only node that happens to have a GPU: it offers cores, so the GPU neither counts nor is a shortfall.
    expect(capacityWeight(cpu, reported([h200], 8))).toBe(8);
    expect(specsShortfall(cpu, reported([h200], 8, 64))).toBeNull();
    expect(specsShortfall(cpu, reported([], 4, 64))).toEqual([{ kind: "cpu_cores", reported: 4, declared: 8 }]);
  });

  it("draws the tolerances exactly: 95 % of the VRAM, 90 % of the RAM", () => {
    const d = parseDeclaredSpecs({ ...base(), vramGb: 100, ramGb: 100, cpuCores: 8 }, 18);
    const at = (mib: number) => ({ name: "NVIDIA H200", memoryMiB: mib });
    // 95 GiB exactly is enough; a MiB less is not.
    expect(verifiedCapacity(d, reported([at(95 * 1024)], 8, 90)).gpus).toBe(1);
    expect(specsShortfall(d, reported([at(95 * 1024)], 8, 90))).toBeNull();
    expect(verifiedCapacity(d, reported([at(95 * 1024 - 1)], 8, 90)).gpus).toBe(0);
    expect(specsShortfall(d, reported([at(95 * 1024 - 1)], 8, 90))).toEqual([
      { kind: "vram", reportedGb: 94, declaredGb: 100 },
    ]);
    expect(specsShortfall(d, reported([at(95 * 1024)], 8, 89))).toEqual([
      { kind: "ram", reportedGb: 89, declaredGb: 100 },
    ]);
    // The smallest short GPU is named; other models are listed once each.
    const two = parseDeclaredSpecs({ ...base(), gpuCount: 2, vramGb: 100, ramGb: 1, cpuCores: 1 }, 18);
    expect(specsShortfall(two, reported([at(50 * 1024), at(60 * 1024)], 1, 1))).toEqual([
      { kind: "vram", reportedGb: 50, declaredGb: 100 },
    ]);
    expect(
      specsShortfall(
        two,
        reported(
          [
            { name: "NVIDIA A10", memoryMiB: 1 },
            { name: "NVIDIA T4", memoryMiB: 1 },
            { name: "NVIDIA A10", memoryMiB: 1 },
          ],
          1,
          1,
        ),
      ),
    ).toEqual([{ kind: "other_gpu", model: "H200", reported: ["NVIDIA A10", "NVIDIA T4"] }]);
  });
});

describe("uptime", () => {
  const t = (s: number) => new Date(Date.UTC(2026, 10, 27, 0, 0, s));
  it("counts only covered time inside the window, never above 100 %", () => {
    const spans = [
      { startsAt: t(0), endsAt: t(60) },
      { startsAt: t(200), endsAt: t(400) },
    ];
    expect(coveredMs(spans, t(30), t(300))).toBe(30_000 + 100_000);
    expect(uptimeRatio(spans, t(0), t(400), t(0))).toBeCloseTo(260 / 400);
    // A node registered mid-window is measured from its registration.
    expect(uptimeRatio([{ startsAt: t(200), endsAt: t(400) }], t(0), t(400), t(200))).toBe(1);
    expect(uptimeRatio(spans, t(0), t(0), t(0))).toBe(0);
  });
});

describe("lease cost", () => {
  const lease = {
    gpuCount: 2,
    hours: "1.5",
    price: "1000000",
    startsAt: new Date(0),
    endsAt: new Date(5_400_000),
    endedAt: null,
  };
  it("pays GPUs × online time × price, never more than agreed", () => {
    expect(agreedCost(lease)).toBe(3_000_000n);
    const full = [{ startsAt: new Date(-1_000_000), endsAt: new Date(10_000_000) }];
    expect(deliveredCost(lease, full, new Date(10_000_000))).toEqual({ ms: 5_400_000, amount: 3_000_000n });
    const half = [{ startsAt: new Date(0), endsAt: new Date(2_700_000) }];
    expect(deliveredCost(lease, half, new Date(10_000_000)).amount).toBe(1_500_000n);
    expect(deliveredCost({ ...lease, endedAt: new Date(1_800_000) }, full, new Date(10_000_000)).amount).toBe(
      1_000_000n,
    );
    expect(deliveredCost({ ...lease, startsAt: null }, full, new Date(1)).amount).toBe(0n);
  });
});

describe("ranking offers", () => {
  const offer = (o: Partial<Offer>): Offer => ({
    id: 1,
    name: "n",
    gpuModel: "H200",
    freeGpus: 8,
    vramGb: 141,
    region: "eu-west",
    price: 2n,
    online: true,
    uptime: 1,
    shortfall: null,
    ...o,
  });
  const price = (u: bigint) => `${u} STEW`;
  it("applies the hard filters in code and scores the rest, best first", () => {
    const want = { gpuModel: "H200", gpuCount: 2, maxPrice: 4n, region: "EU" };
    const { fits, nearest } = rankOffers(
      [
        offer({ id: 1, price: 3n, uptime: 0.5 }),
        offer({ id: 2, price: 2n, uptime: 0.99 }),
        offer({ id: 3, online: false }),
        offer({ id: 4, price: 5n }),
        offer({ id: 5, gpuModel: "A10" }),
        offer({ id: 6, freeGpus: 1 }),
        offer({ id: 7, region: "us-east", price: 2n, uptime: 0.99 }),
        offer({ id: 8, shortfall: "reports 1 × H200, 8 declared", price: 2n, uptime: 0.99 }),
        // At the edges: exactly the GPUs wanted, exactly the maximum price.
        offer({ id: 9, freeGpus: 2, price: 4n, uptime: 1 }),
        offer({ id: 10, gpuModel: null, online: false, price: 9n }),
      ],
      want,
      price,
    );
    expect(fits.map((f) => [f.offer.id, f.score])).toEqual([
      [2, 82.1],
      [7, 72.1],
      [8, 72.1],
      [9, 65],
      [1, 51.3],
    ]);
    expect(fits[1]?.reasons).toEqual([
      "99.0 % uptime over 7 days",
      "2 STEW per GPU-hour (your maximum: 4 STEW)",
      "us-east (not EU)",
      "reported specs match the declared ones",
    ]);
    expect(fits[2]?.reasons[3]).toBe("flagged: reports 1 × H200, 8 declared");
    expect(fits[0]?.reasons[2]).toBe("eu-west (the region you asked)");
    expect(nearest.map((n) => [n.offer.id, n.misses])).toEqual([
      [3, [{ kind: "offline" }]],
      [5, [{ kind: "gpu_model", offered: "A10", wanted: "H200" }]],
      [6, [{ kind: "free_gpus", free: 1, wanted: 2 }]],
      [4, [{ kind: "price", price: "5", maxPrice: "4" }]],
      [
        10,
        [
          { kind: "offline" },
          { kind: "gpu_model", offered: null, wanted: "H200" },
          { kind: "price", price: "9", maxPrice: "4" },
        ],
      ],
    ]);
  });

  it("without a region asked, every region scores; the VRAM floor is a hard filter; ties go to the cheaper, then the older", () => {
    const { fits, nearest } = rankOffers(
      [
        offer({ id: 3, price: 2n, vramGb: 80 }),
        offer({ id: 2, price: 3n, uptime: 1, region: "us-east" }),
        offer({ id: 1, price: 3n, uptime: 1 }),
        offer({ id: 4, price: 2n, vramGb: 79 }),
        offer({ id: 5, price: 1n, vramGb: 10, online: false }),
      ],
      { gpuCount: 1, maxPrice: 4n, minVramGb: 80 },
      price,
    );
    expect(fits.map((f) => [f.offer.id, f.score])).toEqual([
      [3, 82.5],
      [1, 73.8],
      [2, 73.8],
    ]);
    expect(fits[2]?.reasons[2]).toBe("us-east");
    expect(nearest.map((n) => [n.offer.id, n.misses])).toEqual([
      [4, [{ kind: "vram", vramGb: 79, minVramGb: 80 }]],
      [5, [{ kind: "offline" }, { kind: "vram", vramGb: 10, minVramGb: 80 }]],
    ]);
    // Equal misses and equal prices: the older node first.
    const tie = rankOffers(
      [offer({ id: 8, online: false }), offer({ id: 7, online: false })],
      { gpuCount: 1, maxPrice: 4n },
      price,
    );
    expect(tie.nearest.map((n) => n.offer.id)).toEqual([7, 8]);
    const cheaper = rankOffers(
      [offer({ id: 1, online: false, price: 3n }), offer({ id: 2, online: false, price: 2n })],
      { gpuCount: 1, maxPrice: 4n },
      price,
    );
    expect(cheaper.nearest.map((n) => n.offer.id)).toEqual([2, 1]);
    // Equal scores (better uptime making up for a higher price): the cheaper offer first.
    const even = rankOffers(
      [offer({ id: 1, price: 3n, uptime: 0.69444 }), offer({ id: 2, price: 2n, uptime: 0.5 })],
      { gpuCount: 1, maxPrice: 4n },
      price,
    );
    expect(even.fits.map((f) => [f.offer.id, f.score])).toEqual([
      [2, 60],
      [1, 60],
    ]);
  });
});

describe("the heartbeat digest", () => {
  it("computed by hand on the hot path equals ethers' EIP-712 hash, for any guild and values", () => {
    for (const [guild, node, timestamp, sequence, utilization] of [
      ["100000000000000001", 1, 1_700_000_000, 1, 0],
      ["999999999999999999", 2 ** 31 - 1, 2 ** 40, Number.MAX_SAFE_INTEGER, 100],
      ["100000000000000001", 7, 0, 1_764_000_000_123, 55],
    ] as const) {
      const message = { node, timestamp, sequence, specs: keccak256(toUtf8Bytes(`${node}`)), utilization };
      expect(hexlify(heartbeatDigestBytes(guild, message))).toBe(heartbeatDigest(heartbeatDomain(guild), message));
    }
  });
});
