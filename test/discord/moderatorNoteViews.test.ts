import { describe, expect, it } from "vitest";
import { moderatorNoteText } from "../../src/discord/views/moderatorNoteViews.ts";
import { translator } from "../../src/i18n/translator.ts";
import type { ModeratorNote } from "../../src/services/publishing/enqueuePosts.ts";

const token = { symbol: "STEW", decimals: 18 };
const units = (n: number) => (BigInt(n) * 10n ** 18n).toString();
const chunk = { proposalId: 7, chunkIndex: 0, chunkCount: 1 };
const line = { id: 3, recipient: "0xabc", amount: units(4) };
const text = (note: ModeratorNote) => moderatorNoteText(translator("en"), note, token);

/** The sentences moderators read in #payouts: services queue facts, these are the words they have always had. */
describe("notes to moderators", () => {
  it("words the payout facts as moderators have always read them", () => {
    const payouts = "payouts" as const;
    expect(
      text({ channel: payouts, fact: { kind: "chunk_stuck", chunk, reason: "request timeout after 30000 ms" } }),
    ).toBe(
      "Payout of proposal #7 (chunk 1 of 1) is stuck: request timeout after 30000 ms. It is tried again at every settle run; the other payouts go on.",
    );
    expect(
      text({
        channel: payouts,
        fact: { kind: "chunk_failed", chunk, total: units(3), reason: "the treasury allows the distributor 1" },
      }),
    ).toBe(
      "Payout of proposal #7 (chunk 1 of 1, 3 STEW) failed and was not retried: the treasury allows the distributor 1. Fix the cause, then `/payout retry proposal:7`.",
    );
    expect(
      text({
        channel: payouts,
        fact: {
          kind: "chunk_failed",
          chunk,
          total: units(3),
          failure: { kind: "allowance_short", allowance: "1", needed: units(3) },
        },
      }),
    ).toBe(
      `Payout of proposal #7 (chunk 1 of 1, 3 STEW) failed and was not retried: the treasury allows the distributor 1 and this chunk needs ${units(3)}: approve more. Fix the cause, then \`/payout retry proposal:7\`.`,
    );
    expect(
      text({ channel: payouts, fact: { kind: "proposal_not_paid", proposalId: 7, reason: "its batch changed" } }),
    ).toBe("Proposal #7 was not paid: its batch changed.");
    expect(text({ channel: payouts, fact: { kind: "proposal_not_planned", proposalId: 7, reason: "no wallet" } })).toBe(
      "Proposal #7 could not be planned for payment: no wallet. It is tried again at every settle run; the other payouts go on.",
    );
    expect(text({ channel: payouts, fact: { kind: "proposal_waits", proposalId: 7, reason: "over the cap" } })).toBe(
      "Proposal #7 waits to be paid: over the cap.",
    );
    const settings = { chainId: 1, token: "0xA", distributor: "0xD" };
    const stopped = {
      kind: "planned_elsewhere" as const,
      now: { ...settings, token: "0xB" },
      count: 1,
      chunks: [{ proposalId: 7, chunkIndex: 0, ...settings }],
    };
    expect(text({ channel: payouts, fact: { kind: "settlement_stopped", stopped } })).toBe(
      "Payouts wait: settlement is stopped: 1 unfinished payout chunk(s) were planned for another chain, token or distributor than the settings now name (CHAIN_ID=1, TOKEN_ADDRESS=0xB, DISTRIBUTOR_ADDRESS=0xD): proposal #7 chunk 1 (CHAIN_ID=1, TOKEN_ADDRESS=0xA, DISTRIBUTOR_ADDRESS=0xD). Paying them through the new settings could pay their amounts in another token or a chunk twice; put those settings back until they are paid.",
    );
    expect(text({ channel: payouts, fact: { kind: "settlement_stopped", reason: "settlement is stopped: …" } })).toBe(
      "Payouts wait: settlement is stopped: ….",
    );
  });

  it("words held lines: listed up to ten, then an ellipsis", () => {
    const held = (count: number) =>
      text({
        channel: "payouts",
        fact: {
          kind: "lines_held",
          chunk,
          count,
          lines: [{ id: 3, lineIndex: 4, recipient: "0xabc", amount: units(5) }],
        },
      });
    expect(held(1)).toBe(
      "Payout of proposal #7 (chunk 1 of 1) was paid except 1 line(s) whose transfer the token refused: held line #3 (line 5, 0xabc, 5 STEW). The distributor keeps each amount for its recipient, who claims it to a wallet of theirs with `/payout claim`; after the claim period a moderator can send it back to the treasury with `/payout return`.",
    );
    expect(held(11)).toContain("held line #3 (line 5, 0xabc, 5 STEW); …. The distributor");
    const released = (how: "claimed" | "redirected" | "returned") =>
      text({
        channel: "payouts",
        fact: { kind: "held_line_released", line, proposalId: 7, how, to: "0xdef", txHash: "0x12" },
      });
    expect(released("returned")).toBe(
      "Held line #3 (proposal #7, 4 STEW for 0xabc) went back to the treasury 0xdef in transaction 0x12.",
    );
    expect(released("claimed")).toBe(
      "Held line #3 (proposal #7, 4 STEW) was claimed by its recipient and paid to 0xdef in transaction 0x12.",
    );
    expect(released("redirected")).toBe(
      "Held line #3 (proposal #7, 4 STEW) was redirected by the distributor's owner and paid to 0xdef in transaction 0x12.",
    );
    expect(
      text({
        channel: "payouts",
        fact: { kind: "held_line_relay_refused", line, proposalId: 7, relay: "return", reason: "execution reverted" },
      }),
    ).toBe(
      "The return of held line #3 (proposal #7, 4 STEW for 0xabc) was not sent: execution reverted. The line stays held; its recipient can claim it again with `/payout claim line:3`.",
    );
  });

  it("posts a note an adapter wrote (and one queued before notes were facts) as it is", () => {
    expect(text({ channel: "governance", text: "3 posts keep failing." })).toBe("3 posts keep failing.");
  });

  it("words a node's failed capacity challenges in the guild's language", () => {
    const note = { channel: "governance", fact: { kind: "node_challenges_failed", nodeId: 12, failures: 3 } } as const;
    expect(text(note)).toBe(
      "⚠️ Node #12 failed its last 3 capacity challenges: it cannot show the capacity its provider declared, so it earns only the CPU rate. Consider `/node show id:12` and asking its provider.",
    );
    expect(moderatorNoteText(translator("zh-CN"), note, token)).toBe(
      "⚠️ 节点#12最近3次算力挑战均未通过：它无法证明其提供者声明的算力，因此只按CPU费率获得奖励。可以用`/node show id:12`查看，并询问其提供者。",
    );
    expect(moderatorNoteText(translator("es-ES"), note, token)).toBe(
      "⚠️ El nodo #12 no superó sus últimos 3 desafíos de capacidad: no puede demostrar la capacidad que declaró su proveedor, así que solo gana la tarifa de CPU. Conviene revisar `/node show id:12` y preguntar a su proveedor.",
    );
  });

  it("tells moderators the jury disagrees with the model, and what the policy did", () => {
    const base = { kind: "jury_disagrees", epochNumber: 4, spearman: -0.5, minAgreement: 0.5 } as const;
    const governance = "governance" as const;
    expect(
      text({ channel: governance, fact: { ...base, proposalId: 9, policy: "hold", held: [3, 5], juryPaid: [] } }),
    ).toBe(
      "The blind jury disagrees with the model in epoch 4: agreement -0.50 (Spearman), below the minimum of 0.50. Held for your review, paying nothing until cleared: #3, #5 (`/evaluation clear` or `/evaluation override`). Check distribution #9 before it is voted.",
    );
    expect(
      text({ channel: governance, fact: { ...base, proposalId: null, policy: "hold", held: [], juryPaid: [] } }),
    ).toBe(
      "The blind jury disagrees with the model in epoch 4: agreement -0.50 (Spearman), below the minimum of 0.50. No sampled evaluation was held (the jury's scores were close to the model's on each, or a person already looked).",
    );
    expect(
      text({ channel: governance, fact: { ...base, proposalId: 9, policy: "jury", held: [], juryPaid: [3] } }),
    ).toBe(
      "The blind jury disagrees with the model in epoch 4: agreement -0.50 (Spearman), below the minimum of 0.50. Paid the jury's score instead of the model's: #3. Check distribution #9 before it is voted.",
    );
  });
});
