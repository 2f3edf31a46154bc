import { describe, expect, it } from "vitest";
import { anchorSkipText, intentWaitText, settleSkipText } from "../../src/jobs/settlementWords.ts";

/** The settle and anchor jobs' summaries (what `steward job run` prints): services report facts, these are the words. */
describe("settlement words", () => {
  it("says why a settle run did nothing", () => {
    expect(settleSkipText({ kind: "no_chain" })).toBe("no chain is configured (RPC_URL), so payouts stop at approved");
    expect(settleSkipText({ kind: "treasury_busy" })).toBe("another process is settling from this treasury");
    expect(settleSkipText({ kind: "blocked", reason: "the chain lost its state" })).toBe("the chain lost its state");
    const settings = (token: string) => ({ chainId: 31337, token, distributor: "0xD15" });
    const chunks = Array.from({ length: 10 }, (_, n) => ({ proposalId: 4, chunkIndex: n, ...settings("0xA") }));
    expect(
      settleSkipText({
        kind: "planned_elsewhere",
        stopped: { kind: "planned_elsewhere", now: settings("0xB"), count: 1, chunks: chunks.slice(0, 1) },
      }),
    ).toBe(
      "settlement is stopped: 1 unfinished payout chunk(s) were planned for another chain, token or distributor than the settings now name (CHAIN_ID=31337, TOKEN_ADDRESS=0xB, DISTRIBUTOR_ADDRESS=0xD15): proposal #4 chunk 1 (CHAIN_ID=31337, TOKEN_ADDRESS=0xA, DISTRIBUTOR_ADDRESS=0xD15). Paying them through the new settings could pay their amounts in another token or a chunk twice; put those settings back until they are paid",
    );
    expect(
      settleSkipText({
        kind: "planned_elsewhere",
        stopped: { kind: "planned_elsewhere", now: settings("0xB"), count: 12, chunks },
      }),
    ).toMatch(
      /^settlement is stopped: 12 unfinished .*proposal #4 chunk 10 \(CHAIN_ID=31337, TOKEN_ADDRESS=0xA, DISTRIBUTOR_ADDRESS=0xD15\); …\. Paying/,
    );
  });

  it("says why a chunk waits", () => {
    expect(intentWaitText({ kind: "safe_execution", chunkIndex: 1 })).toBe("chunk 2 waits for the Safe to execute it");
    expect(intentWaitText({ kind: "not_mined", txHash: "0x12" })).toBe("transaction 0x12 not mined yet");
    expect(intentWaitText({ kind: "not_saved", blockNumber: 40 })).toBe(
      "block 40 is confirmed but the local chain has not saved it yet",
    );
    expect(intentWaitText({ kind: "confirming", confirmations: 1, needed: 3 })).toBe("1 of 3 confirmations");
    expect(
      intentWaitText({ kind: "fee_bump_refused", txHash: "0x12", refusal: { kind: "fee_cap", asks: "5", cap: "4" } }),
    ).toBe(
      "transaction 0x12 is not mined and cannot be sent with a higher fee: the network asks 5 wei per gas, above MAX_FEE_GWEI (4 wei)",
    );
  });

  it("says why the audit head stayed off chain", () => {
    expect(anchorSkipText({ kind: "no_anchor_contract" })).toBe(
      "no AuditAnchor contract on this chain (set ANCHOR_ADDRESS)",
    );
    expect(anchorSkipText({ kind: "safe_treasury" })).toBe(
      "the treasury is a Safe: Steward holds no key to anchor with",
    );
    expect(anchorSkipText({ kind: "no_chain" })).toBe("no chain is configured: the head is kept in #governance only");
    expect(anchorSkipText({ kind: "blocked", reason: "the chain lost its state" })).toBe("the chain lost its state");
    expect(anchorSkipText({ kind: "settle_running" })).toBe(
      "a settle run holds the treasury: it publishes the anchor next",
    );
    expect(anchorSkipText({ kind: "payout_waiting" })).toBe(
      "a payout waits for its transaction: the next settle run anchors",
    );
  });
});
