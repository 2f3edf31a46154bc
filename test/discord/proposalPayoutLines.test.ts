import { describe, expect, it } from "vitest";
import { proposalMessage } from "../../src/discord/views/proposalMessageView.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { ProposalOverview } from "../../src/services/proposals/proposalOverview.ts";

const token = { symbol: "STEW", decimals: 18 };
const recipient = "0x52908400098527886E0F7030069857D2E4169EE7";

function overview(kind: string, refs: string[]): ProposalOverview {
  return {
    proposal: {
      id: 2,
      title: "Fund the docs translation",
      summary: "Pay a translator.",
      status: "draft",
      kind,
      authorDiscordId: "11",
      motivation: "m",
      specification: "s",
      batch: [{ recipient, amount: (50n * 10n ** 18n).toString(), refs }],
      batchHash: null,
      votingType: null,
      endsAt: null,
    },
    result: null,
    anchor: null,
    carried: [],
    approvals: [],
    payouts: [],
    explorerTxUrl: undefined,
    approvers: null,
  } as unknown as ProposalOverview;
}

function payoutLine(o: ProposalOverview): string {
  const fields = proposalMessage(translator("en"), o, token).embeds[0]?.fields ?? [];
  return fields.find((f) => f.name.startsWith("Payouts"))?.value ?? "";
}

describe("a proposal's payout lines", () => {
  it("say nothing in parentheses when a funding line has nothing to add (its only ref is the proposal)", () => {
    const line = payoutLine(overview("funding", ["proposal:2"]));
    expect(line).toMatch(/— 50 STEW$/);
    expect(line).not.toContain("()");
  });

  it("name the contributions, nodes and leases a distribution line pays for", () => {
    expect(payoutLine(overview("distribution", ["contribution:4", "node:1", "lease:3"]))).toMatch(
      /— 50 STEW \(#4, node #1, lease #3\)$/,
    );
  });
});
