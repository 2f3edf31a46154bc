import { describe, expect, it } from "vitest";
import { CHOOSE_PREFIX, computeFactNotice } from "../../src/discord/views/computeNoticeViews.ts";
import { translator } from "../../src/i18n/translator.ts";

const token = { symbol: "STEW", decimals: 18 };
const en = translator("en");
const at = "2026-01-02T03:00:00.000Z";
const unix = Date.parse(at) / 1000;

/** The compute channel's words for what the network's clock queued as facts. */
describe("compute notices", () => {
  it("words nodes going offline and coming back", () => {
    expect(
      computeFactNotice(en, { kind: "node_offline", nodeId: 4, name: "h200-box", lastHeartbeatAt: at }, token),
    ).toEqual({ content: `🔴 Node #4 **h200-box** is offline: no heartbeat since <t:${unix}:R>.` });
    expect(
      computeFactNotice(en, { kind: "node_online", nodeId: 4, name: "h200-box", firstHeartbeat: true }, token),
    ).toEqual({
      content: "🟢 Node #4 **h200-box** is online (its first heartbeat).",
    });
    expect(
      computeFactNotice(en, { kind: "node_online", nodeId: 4, name: "h200-box", firstHeartbeat: false }, token).content,
    ).toBe("🟢 Node #4 **h200-box** is online.");
  });

  it("words a lease's end and pings only its requester and provider", () => {
    expect(
      computeFactNotice(
        en,
        {
          kind: "lease_ended",
          leaseId: 9,
          nodeId: 4,
          deliveredGpuHours: 1.5,
          agreedGpuHours: 2,
          amount: (3n * 10n ** 18n).toString(),
          providerId: "111",
          requesterId: "222",
        },
        token,
      ),
    ).toEqual({
      content:
        "Lease #9 on node #4 ended: 1.50 of 2.00 GPU-hours delivered, 3 STEW for <@111> at the epoch's close. <@222>",
      mention: ["222", "111"],
    });
  });

  it("offers the next best nodes when a leased node stays offline, with a Choose button each", () => {
    const outage = {
      kind: "lease_node_offline" as const,
      leaseId: 9,
      nodeId: 4,
      nodeName: "h200-box",
      offlineSince: at,
      requesterId: "222",
      providerId: "111",
      hoursLeft: 1.5,
    };
    const head = `⚠️ <@222>, <@111>: node #4 **h200-box** has been offline since <t:${unix}:R>, during lease #9 (paid only for the time it was online).`;
    const offers = [
      { nodeId: 5, name: "a", score: 90, reasons: ["cheapest", "online"] },
      { nodeId: 6, name: "b", score: 80, reasons: ["online"] },
    ];
    expect(computeFactNotice(en, { ...outage, failover: { requestId: 12, offers } }, token)).toEqual({
      content: `${head}\nTo continue the remaining 1.50 h, the next best online offers are: node #5 **a** (score 90: cheapest, online); node #6 **b** (score 80: online). Choosing one ends lease #9 once its provider accepts.`,
      mention: ["222", "111"],
      buttons: [
        { customId: `${CHOOSE_PREFIX}:12:5`, label: "Choose node #5", style: "primary" },
        { customId: `${CHOOSE_PREFIX}:12:6`, label: "Choose node #6", style: "secondary" },
      ],
    });
    expect(
      computeFactNotice(en, { ...outage, failover: { requestId: 12, offers: offers.slice(0, 1) } }, token).content,
    ).toContain("the next best online offer is: node #5");
    expect(computeFactNotice(en, { ...outage, failover: null }, token)).toEqual({
      content: `${head}\nNo other online offer fits the remaining 1.50 h now; the lease continues if the node comes back.`,
      mention: ["222", "111"],
    });
  });
});
