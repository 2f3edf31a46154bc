import { describe, expect, it } from "vitest";
import { nearOfferText, offerMissesText, shortfallText } from "../../../src/discord/views/computeFactText.ts";
import { computeFactNotice } from "../../../src/discord/views/computeNoticeViews.ts";
import { nodeShowView } from "../../../src/discord/views/computeViews.ts";
import { userErrorMessage } from "../../../src/discord/views/errorMessages.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import type { OfferMiss } from "../../../src/services/compute/offerMiss.ts";
import type { ShortfallFact } from "../../../src/services/compute/reportedSpecs.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const token = { symbol: "STEW", decimals: 18 };
const en = translator("en");
const zh = translator("zh-CN");
const es = translator("es-ES");

const everyShortfall: ShortfallFact[] = [
  { kind: "no_gpu", model: "H200", declared: 8 },
  { kind: "other_gpu", model: "H200", reported: ["NVIDIA A10", "NVIDIA L4"] },
  { kind: "gpu_count", model: "H200", reported: 2, declared: 8 },
  { kind: "vram", reportedGb: 78, declaredGb: 141 },
  { kind: "cpu_cores", reported: 32, declared: 64 },
  { kind: "ram", reportedGb: 500, declaredGb: 1024 },
];
const everyMiss: OfferMiss[] = [
  { kind: "offline" },
  { kind: "retired" },
  { kind: "gpu_model", offered: "A10", wanted: "H200" },
  { kind: "gpu_model", offered: null, wanted: "H200" },
  { kind: "vram", vramGb: 79, minVramGb: 80 },
  { kind: "free_gpus", free: 1, wanted: 2 },
  { kind: "price", price: "5000000000000000000", maxPrice: "4000000000000000000" },
];
// A node of the largest figures: 64 GPUs of different long names, each a way it falls short.
const worstShortfall: ShortfallFact[] = [
  {
    kind: "other_gpu",
    model: "x".repeat(64),
    reported: Array.from({ length: 64 }, (_, i) => `GPU-${i}-${"y".repeat(60)}`),
  },
  ...everyShortfall.slice(2),
];

describe("a node's shortfall, in every language", () => {
  it("words each fact in English as Steward always wrote it", () => {
    expect(shortfallText(en, everyShortfall)).toBe(
      "reports no GPU, 8 × H200 declared; reports NVIDIA A10 and NVIDIA L4, not the declared H200; reports 2 × H200, 8 declared; reports 78 GB of VRAM per GPU, 141 GB declared; reports 32 CPU cores, 64 declared; reports 500 GB of RAM, 1024 GB declared",
    );
  });

  it("words them in Chinese and Spanish", () => {
    expect(shortfallText(zh, everyShortfall.slice(2))).toBe(
      "上报2 × H200，声明为8块；上报每块GPU显存78 GB，声明为141 GB；上报32个CPU核心，声明为64个；上报内存500 GB，声明为1024 GB",
    );
    expect(shortfallText(zh, everyShortfall.slice(0, 2))).toBe(
      "未上报任何GPU，声明为8 × H200；上报的是NVIDIA A10和NVIDIA L4，而非声明的H200",
    );
    expect(shortfallText(es, everyShortfall.slice(0, 3))).toBe(
      "no informa de ninguna GPU; se declararon 8 × H200; informa de NVIDIA A10 y NVIDIA L4, no de la H200 declarada; informa de 2 × H200; se declararon 8",
    );
  });

  it("shows a shortfall stored as words before it was facts as it was stored, in every language", () => {
    for (const locale of LOCALES) {
      expect(shortfallText(translator(locale), "reports no GPU, 1 × H200 declared")).toBe(
        "reports no GPU, 1 × H200 declared",
      );
    }
  });

  it.each(LOCALES)("%s: the notice and the provider's note fit Discord's limits", (locale) => {
    const t = translator(locale);
    for (const shortfall of [everyShortfall, worstShortfall]) {
      const notice = computeFactNotice(t, { kind: "node_shortfall", nodeId: 2_147_483_647, shortfall }, token);
      expect(discordLimitProblems({ content: notice.content })).toEqual([]);
    }
    expect(
      computeFactNotice(t, { kind: "node_shortfall", nodeId: 7, shortfall: everyShortfall }, token).content,
    ).toContain(shortfallText(t, everyShortfall.slice(0, 1)));
  });
});

describe("why an offer does not fit, in every language", () => {
  it("words each miss in English as Steward always wrote it", () => {
    expect(offerMissesText(en, everyMiss, token)).toBe(
      "offline, retired, A10, not H200, no GPU, not H200, 79 GB of VRAM per GPU, under 80, 1 free GPU, 2 wanted, 5 STEW per GPU-hour, above 4 STEW",
    );
    expect(nearOfferText(en, { nodeId: 3, name: "rig", misses: everyMiss.slice(0, 1) }, token)).toBe(
      "node #3 rig: offline",
    );
  });

  it("words them in Chinese and Spanish, amounts as each language writes them", () => {
    const price = [{ kind: "price", price: "1234500000000000000000", maxPrice: "1000000000000000000000" }] as const;
    expect(offerMissesText(zh, [everyMiss[0], everyMiss[5], ...price] as OfferMiss[], token)).toBe(
      "离线，空闲GPU 1块，需要2块，1,234.5 STEW/GPU小时，高于1,000 STEW",
    );
    expect(offerMissesText(es, [everyMiss[0], everyMiss[5], ...price] as OfferMiss[], token)).toBe(
      "desconectado, 1 GPU libre, se piden 2, 1234,5 STEW por hora de GPU, más de 1000 STEW",
    );
  });

  it.each(LOCALES)("%s: the refusals name the nearest offers within Discord's limits", (locale) => {
    const t = translator(locale);
    const nearest = Array.from({ length: 3 }, (_, i) => ({
      nodeId: 2_147_483_647 - i,
      name: "n".repeat(64),
      misses: everyMiss,
    }));
    const refusal = userErrorMessage(t, "no_fitting_offer", { nearest, token });
    const gone = userErrorMessage(t, "offer_gone", { nodeId: 2_147_483_647, problems: everyMiss, token });
    for (const content of [refusal, gone]) expect(discordLimitProblems({ content })).toEqual([]);
    expect(refusal).toContain(nearOfferText(t, nearest[0] as (typeof nearest)[number], token));
    if (locale !== "en") expect(refusal).not.toContain("offline");
  });
});

describe("a node's page", () => {
  it("words the stored facts of the node's row, and shows an old row's words as stored", () => {
    const show = (shortfall: string) =>
      JSON.stringify(
        nodeShowView(
          zh,
          {
            node: {
              id: 1,
              status: "online",
              name: "rig",
              description: null,
              gpuModel: "H200",
              gpuCount: 8,
              vramGb: 141,
              cpuCores: 64,
              ramGb: 1024,
              region: "eu",
              price: "1",
              publicKey: "0x00",
              shortfall,
              lastHeartbeatAt: null,
              registeredAt: new Date(0),
              provider: { discordId: "1" },
            },
            reported: null,
            uptime: { day: 1, week: 1, epoch: null },
            leases: [],
            earned: 0n,
            shortfallNote: null,
            challenge: null,
            now: new Date(0),
          } as never,
          token,
        ),
      );
    expect(show(JSON.stringify(everyShortfall.slice(4)))).toContain(
      "上报32个CPU核心，声明为64个；上报内存500 GB，声明为1024 GB",
    );
    expect(show("reports 32 CPU cores, 64 declared")).toContain("reports 32 CPU cores, 64 declared");
  });
});
