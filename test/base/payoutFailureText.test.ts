import { describe, expect, it } from "vitest";
import type { PayoutFailureRecord } from "../../src/base/payoutFailure.ts";
import { payoutFailureText } from "../../src/base/payoutFailureText.ts";

const tx = `0x${"ab".repeat(32)}`;
const treasury = "0x00000000000000000000000000000000000A11cE";

/** Why a chunk failed, as `/payout status`, the proposal's result, moderators' notes and the settle job say it. */
describe("payout failure words", () => {
  it("words each failure as moderators have always read it, and an older row's sentence as it is", () => {
    const cases: [PayoutFailureRecord, string][] = [
      [{ kind: "amount_unpackable", amount: "0" }, "a line of this chunk cannot be paid: amount 0 cannot be packed"],
      [
        { kind: "pays_contract", line: 2, recipient: treasury },
        `line 2 of this chunk pays ${treasury}, the distributor or token contract itself: the amount would be stranded`,
      ],
      [
        { kind: "treasury_short", treasury, balance: "1", needed: "5000" },
        `the treasury ${treasury} holds 1 and this chunk needs 5000 (smallest units)`,
      ],
      [
        { kind: "allowance_short", allowance: "1", needed: "3000" },
        "the treasury allows the distributor 1 and this chunk needs 3000: approve more",
      ],
      [{ kind: "chain_refused", reason: `NotOperator(${treasury})` }, `NotOperator(${treasury})`],
      [
        { kind: "settled_other_lines", batchId: "0x77", txHash: tx, linesHash: "0x99" },
        `batch id 0x77 was settled on chain by transaction ${tx} with other lines than this chunk's (lines hash 0x99): this chunk was not paid as voted; look at that transaction before anything else`,
      ],
      [{ kind: "reverted", txHash: tx, blockNumber: 41 }, `transaction ${tx} reverted on-chain in block 41`],
      [
        { kind: "nonce_taken", nonce: 7 },
        "nonce 7 of the treasury was used by another transaction; this chunk was not paid",
      ],
      [{ kind: "tx_gone", txHash: tx }, `transaction ${tx}, which paid this chunk, is no longer on the chain`],
      ["a sentence stored before failures were facts", "a sentence stored before failures were facts"],
    ];
    for (const [failure, words] of cases) expect(payoutFailureText(failure)).toBe(words);
  });
});
