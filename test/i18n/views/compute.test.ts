import { describe, expect, it } from "vitest";
import { tokenAmountText } from "../../../src/base/token.ts";
import { chooseButtons, computeFactNotice } from "../../../src/discord/views/computeNoticeViews.ts";
import {
  fitText,
  leaseButtons,
  leasesView,
  matchesText,
  nodeListView,
  nodeShowView,
  noticeButtons,
} from "../../../src/discord/views/computeViews.ts";
import { LOCALES, type Locale } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import { rankOffers } from "../../../src/services/compute/rankOffers.ts";
import { SHOWN_MATCHES } from "../../../src/services/compute/requestCompute.ts";
import type { ComputeFact } from "../../../src/services/publishing/computeFacts.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const token = { symbol: "STEW", decimals: 18 };
const at = new Date("2026-03-04T05:06:07Z");
const long = (n: number, word = "node") => `${word}-${"x".repeat(n)}`.slice(0, n);
const big = "123456789012345678901234567"; // 123,456,789.012345678901234567 tokens

const node = (id: number, status: "pending" | "online" | "offline" | "retired" = "online") => ({
  id,
  status,
  name: long(64),
  description: long(300, "description"),
  gpuModel: long(64, "NVIDIA"),
  gpuCount: 16,
  vramGb: 1024,
  cpuCores: 4096,
  ramGb: 65536,
  region: long(24, "eu-west"),
  price: big,
  publicKey: `0x${"ab".repeat(20)}`,
  shortfall: `reports 1 × H100, 16 declared; reports 12 GB of VRAM per GPU, 1024 GB declared; ${long(200, "more")}`,
  lastHeartbeatAt: at,
  registeredAt: new Date(at.getTime() - 10 * 86_400_000),
  provider: { discordId: "123456789012345678" },
});

const lease = (id: number, status: string) => ({
  id,
  status,
  gpuCount: 16,
  hours: "720",
  price: big,
  purpose: long(300, "purpose"),
  startsAt: at,
  endsAt: status === "ended" ? null : at,
  endedAt: status === "ended" ? at : null,
  node: { id: 77, name: long(64), provider: { discordId: "123456789012345678" } },
  request: { requester: { discordId: id % 2 ? "223456789012345678" : "323456789012345678" } },
});

const details = (challenge: "passed" | "failed" | null) =>
  ({
    node: node(42),
    reported: {
      gpus: Array.from({ length: 16 }, () => ({ name: long(80, "NVIDIA H200"), memoryMiB: 144_384 })),
      cpuCores: 4096,
      ramGb: 65536,
      os: long(80, "Ubuntu"),
    },
    uptime: { day: 0.9987, week: 0.95, epoch: { number: 123, ratio: 0.5 } },
    leases: ["active", "offered", "awaiting_approval", "ended", "active"].map((s, i) => ({
      id: 1000 + i,
      status: s,
      gpuCount: 16,
      hours: "720",
      price: big,
      endsAt: s === "active" ? at : null,
    })),
    earned: 10n ** 30n,
    shortfallNote: long(600, "reports"),
    challenge:
      challenge === null
        ? null
        : {
            id: 99,
            status: challenge,
            failure: challenge === "failed" ? "wrong_lane_count" : null,
            issuedAt: at,
            elapsedMs: 12_345,
            lanes: 16,
          },
    now: at,
  }) as never;

const offers = Array.from({ length: 5 }, (_, i) => ({
  nodeId: 100 + i,
  name: long(64),
  score: 87.5,
  reasons: ["99.9 % uptime over 7 days", "2.5 STEW per GPU-hour (your maximum: 4 STEW)", "eu-west"],
  fit: {
    uptime: 0.999,
    price: big,
    maxPrice: big,
    region: long(24),
    askedRegion: i % 2 ? long(24, "us") : null,
    regionMatch: i % 3 === 0,
    shortfall:
      i % 3 === 1
        ? long(150, "reports")
        : i % 3 === 2
          ? [{ kind: "gpu_count" as const, model: long(64), reported: 1, declared: 16 }]
          : null,
  },
}));

const facts: ComputeFact[] = [
  {
    kind: "node_registered",
    nodeId: 42,
    name: long(64),
    providerId: "123456789012345678",
    gpuModel: long(64, "NVIDIA"),
    gpuCount: 16,
    vramGb: 1024,
    cpuCores: 4096,
    ramGb: 65536,
    region: long(24),
    price: big,
  },
  { kind: "node_retired", nodeId: 42, name: long(64), actorId: "123456789012345678" },
  { kind: "node_shortfall", nodeId: 42, shortfall: long(600, "reports") },
  { kind: "node_offline", nodeId: 42, name: long(64), lastHeartbeatAt: at.toISOString() },
  { kind: "node_online", nodeId: 42, name: long(64), firstHeartbeat: true },
  { kind: "node_online", nodeId: 42, name: long(64), firstHeartbeat: false },
  ...(["lease_awaiting_approval", "lease_offered"] as const).map((kind) => ({
    kind,
    lease: { leaseId: 9, gpuCount: 16, hours: "720", nodeId: 42, nodeName: long(64), price: big },
    requesterId: "223456789012345678",
    providerId: "123456789012345678",
    purpose: long(300, "purpose"),
  })),
  { kind: "lease_ended_early", leaseId: 9, actorId: "223456789012345678", otherId: "123456789012345678" },
  {
    kind: "lease_ended",
    leaseId: 9,
    nodeId: 42,
    deliveredGpuHours: 11_519.5,
    agreedGpuHours: 11_520,
    amount: big,
    providerId: "123456789012345678",
    requesterId: "223456789012345678",
  },
  ...[
    null,
    { requestId: 12, offers: offers.slice(0, SHOWN_MATCHES) },
    { requestId: 12, offers: offers.slice(0, 1) },
  ].map((failover) => ({
    kind: "lease_node_offline" as const,
    leaseId: 9,
    nodeId: 42,
    nodeName: long(64),
    offlineSince: at.toISOString(),
    requesterId: "223456789012345678",
    providerId: "123456789012345678",
    hoursLeft: 719.25,
    failover,
  })),
  {
    kind: "node_shortfall",
    nodeId: 42,
    shortfall: [
      { kind: "other_gpu", model: long(64), reported: Array.from({ length: 16 }, (_, i) => long(80, `GPU${i}`)) },
      { kind: "vram", reportedGb: 1023, declaredGb: 1024 },
      { kind: "cpu_cores", reported: 4095, declared: 4096 },
      { kind: "ram", reportedGb: 65535, declaredGb: 65536 },
    ],
  },
];

/** Every view of the compute area, rendered as Discord receives it. */
function everyView(locale: Locale) {
  const t = translator(locale);
  const nodes = [node(1), node(2, "pending"), node(3, "offline"), node(4, "retired"), node(5)];
  const all = { items: nodes, total: 12_345, page: 2_469, pages: 2_469 };
  const filtered = { scope: "all" as const, gpu: long(40), region: long(30), status: "online" as const, page: 2 };
  return [
    nodeListView(t, all, filtered, token, (v) => v.slice(0, 8)),
    nodeListView(t, { items: [], total: 0, page: 1, pages: 1 }, { scope: "mine", page: 1 }, token, (v) => v),
    nodeListView(t, { items: [], total: 0, page: 1, pages: 1 }, { scope: "all", page: 1 }, token, (v) => v),
    nodeShowView(t, details("passed"), token),
    nodeShowView(t, details("failed"), token),
    nodeShowView(t, details(null), token),
    {
      content: matchesText(
        t,
        12,
        offers.slice(0, SHOWN_MATCHES).map((o) => ({ ...o, offer: { name: o.name } })),
        token,
        long(600, "explanation"),
      ),
      components: noticeButtons(
        chooseButtons(
          t,
          12,
          offers.map((o) => o.nodeId),
        ),
      ),
    },
    { content: leasesView(t, [lease(1, "active"), lease(2, "ended"), lease(3, "awaiting_approval")], "x", token) },
    { content: leasesView(t, [], "x", token) },
    { components: noticeButtons([...leaseButtons(t, 9, "decide"), ...leaseButtons(t, 9, "approve")]) },
    ...facts.map((f) => {
      const notice = computeFactNotice(t, f, token);
      return { content: notice.content, components: noticeButtons(notice.buttons ?? []) };
    }),
  ];
}

describe("the compute views in every language", () => {
  it("word a ranking's facts in English exactly as the ranking's own English reasons", () => {
    const offer = (id: number, region: string, shortfall: string | null) => ({
      id,
      name: `n${id}`,
      gpuModel: "H200",
      freeGpus: 8,
      vramGb: 141,
      region,
      price: 2n * 10n ** 18n + 5n * 10n ** 17n,
      online: true,
      uptime: 0.98765,
      shortfall,
    });
    const offers = [offer(1, "eu-west", null), offer(2, "us-east", "reports 1 × H200, 8 declared")];
    for (const region of ["eu", undefined]) {
      const { fits } = rankOffers(offers, { gpuCount: 1, maxPrice: 4n * 10n ** 18n, region }, (u) =>
        tokenAmountText(u, token),
      );
      expect(fits).toHaveLength(2);
      for (const f of fits) expect(fitText(translator("en"), f, token)).toEqual(f.reasons);
      expect(fitText(translator("es-ES"), fits[0] as never, token)[1]).toBe(
        "2,5 STEW por hora de GPU (tu máximo: 4 STEW)",
      );
    }
  });

  it.each(LOCALES)("%s: every view fits Discord's limits", (locale) => {
    for (const view of everyView(locale)) expect(discordLimitProblems(view)).toEqual([]);
  });

  it("speak Chinese and Spanish, not English", () => {
    const han = /\p{Script=Han}/u;
    for (const [locale, word] of [
      ["zh-CN", han],
      ["es-ES", /alquiler|nodo|latido|Disponibilidad/],
    ] as const) {
      const views = everyView(locale);
      const texts = views.map((v) => JSON.stringify(v));
      expect(
        texts.every((s) => word.test(s)),
        locale,
      ).toBe(true);
    }
    const t = translator("es-ES");
    expect(leasesView(t, [], "x", token)).toBe("No tienes alquileres. Pide cómputo con `/compute request`.");
    expect(computeFactNotice(translator("zh-CN"), facts[4] as ComputeFact, token).content).toBe(
      `🟢 节点#42 **${long(64)}**已上线（第一次心跳）。`,
    );
  });

  it("writes numbers, percentages and durations as each language does, English as it always has", () => {
    const show = (locale: Locale) => JSON.stringify(nodeShowView(translator(locale), details("passed"), token));
    expect(show("en")).toContain("24 h: 99.8 % · 7 days: 95.0 % · epoch 123: 50.0 %");
    expect(show("en")).toContain("passed: 16 lane(s) in 12.3 s");
    expect(show("en")).toContain("123456789.012345678901234567 STEW per GPU-hour");
    expect(show("es-ES")).toContain("24 h: 99,8 % · 7 días: 95,0 % · época 123: 50,0 %");
    expect(show("es-ES")).toContain("16 carriles en 12,3 s");
    expect(show("es-ES")).toContain("123.456.789,012345678901234567 STEW por hora de GPU");
    expect(show("zh-CN")).toContain("24小时：99.8% · 7天：95.0% · 第123纪元：50.0%");
    const ended = (locale: Locale) => computeFactNotice(translator(locale), facts[9] as ComputeFact, token).content;
    expect(ended("en")).toContain("11519.50 of 11520.00 GPU-hours delivered");
    expect(ended("es-ES")).toContain("11519,50 de 11520,00 horas de GPU entregadas");
  });
});
