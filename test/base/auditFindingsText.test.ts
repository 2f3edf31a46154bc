import { describe, expect, it } from "vitest";
import type { AuditMismatch } from "../../src/base/auditFindings.ts";
import {
  auditCheckText,
  auditMismatchText,
  auditSummaryText,
  storedAuditText,
} from "../../src/base/auditFindingsText.ts";

const token = { symbol: "STEW", decimals: 18 };
const h = (byte: string) => byte.repeat(32);
const chunk = { proposalId: 4, index: 1, count: 3, txHash: "0xabc" };
const alice = "0x00000000000000000000000000000000000A11cE";
const bob = "0x0000000000000000000000000000000000000B0b";

/** What `steward audit verify`, the verify-audit job and the public API say: the service reports facts. */
describe("audit verification words", () => {
  it("says what was checked", () => {
    expect(auditCheckText({ kind: "chain", events: 12, head: { id: "12", hash: h("ab") } })).toBe(
      "audit log: 12 events, every hash and link recomputed; head #12 abababababababab…",
    );
    expect(auditCheckText({ kind: "chain", events: 0, head: null })).toBe(
      "audit log: 0 events, every hash and link recomputed",
    );
    expect(auditCheckText({ kind: "chain_broken", upTo: "7" })).toBe("audit log: recomputed up to event #7");
    expect(auditCheckText({ kind: "anchors", recorded: 3 })).toBe(
      "anchors recorded by Steward: 3, each compared with the audit log",
    );
    expect(auditCheckText({ kind: "anchors_onchain_none" })).toBe(
      "on-chain anchors: none to read (no chain or no AuditAnchor contract): compare the heads in #governance's distribution posts by hand",
    );
    expect(
      auditCheckText({ kind: "anchors_onchain", published: 2, publisher: alice, chainId: 31337, contract: bob }),
    ).toBe(`on-chain anchors: 2 from ${alice} on chain 31337 (contract ${bob}), each compared with the audit log`);
    expect(auditCheckText({ kind: "settlements", proposals: 2, chunks: 3, transfers: 4 })).toBe(
      "paid proposals: 2 (3 chunks, 4 token transfers read from the chain's receipts), each batch against the voted hash and the audit log",
    );
    expect(auditCheckText({ kind: "settlements", proposals: 2, chunks: 3, transfers: null })).toBe(
      "paid proposals: 2 (3 chunks; no chain configured, so receipts were not read), each batch against the voted hash and the audit log",
    );
  });

  it("names each mismatch: which record, and what differs from what", () => {
    const cases: [AuditMismatch, string][] = [
      [
        { kind: "event_link", eventId: "5", action: "vote.cast", linksTo: h("cd"), previousHash: h("ef") },
        "audit event #5 (vote.cast) links to cdcdcdcdcdcd…, but the event before it hashes to efefefefefef…: an event was removed, inserted or changed before it",
      ],
      [
        {
          kind: "event_changed",
          eventId: "5",
          action: "vote.cast",
          subjectType: "proposal",
          subjectId: "4",
          computed: h("12"),
          stored: h("34"),
        },
        "audit event #5 (vote.cast of proposal 4) was changed after it was written: its content hashes to 121212121212…, not to its stored hash 343434343434…",
      ],
      [
        { kind: "anchor_event_missing", eventId: "99", reason: "ghost" },
        "anchor of event #99 (ghost): the audit log has no event #99",
      ],
      [
        { kind: "anchor_hash", eventId: "9", reason: "crash", recorded: h("ee"), found: h("aa") },
        "anchor of event #9 (crash) recorded hash eeeeeeeeeeeeeeee…, but the audit log's event #9 now hashes to aaaaaaaaaaaaaaaa…",
      ],
      [
        {
          kind: "onchain_anchor_rewritten",
          blockNumber: 40,
          txHash: "0x77",
          eventId: "9",
          anchored: h("dd"),
          found: h("aa"),
        },
        "the anchor published in block 40 (tx 0x77) says event #9 had hash dddddddddddddddd…, but the audit log's event #9 has aaaaaaaaaaaaaaaa…: the history was rewritten after it was anchored",
      ],
      [
        {
          kind: "onchain_anchor_rewritten",
          blockNumber: 41,
          txHash: "0x78",
          eventId: "1009",
          anchored: h("cc"),
          found: null,
        },
        "the anchor published in block 41 (tx 0x78) says event #1009 had hash cccccccccccccccc…, but the audit log's event #1009 does not exist: the history was rewritten after it was anchored",
      ],
      [
        { kind: "anchor_not_on_chain", eventId: "9", txHash: "0xcd", publisher: alice },
        `Steward recorded event #9 as anchored in tx 0xcd, but the AuditAnchor contract has no such anchor from ${alice}`,
      ],
      [
        {
          kind: "record_unreadable",
          proposalId: 4,
          table: "PayoutIntent",
          column: "entries",
          id: 8,
          problems: ["0.amount: Invalid input: expected string, received number", "1: Required"],
        },
        "proposal #4: PayoutIntent 8, column entries: not what Steward writes (0.amount: Invalid input: expected string, received number; 1: Required)",
      ],
      [
        { kind: "batch_hash", proposalId: 4, computed: "sha256:aa", recorded: "sha256:bb" },
        "proposal #4: its batch hashes to sha256:aa, but its recorded batch hash is sha256:bb",
      ],
      [{ kind: "vote_missing", proposalId: 4 }, "proposal #4: the audit log has no record of its vote opening"],
      [
        { kind: "vote_hash", proposalId: 4, voted: "sha256:cc", recorded: "sha256:bb" },
        "proposal #4: the vote bound batch hash sha256:cc, but the proposal's batch hash is sha256:bb",
      ],
      [
        { kind: "chunk_lines", proposalId: 4, line: 3 },
        "proposal #4: its payout chunks do not list the voted batch's lines (first difference at line 3)",
      ],
      [
        { kind: "chunk_batch_id", chunk, batchId: "0xb1" },
        "proposal #4 chunk 2 of 3 (tx 0xabc): its batch id 0xb1 is not the one the voted batch hash gives",
      ],
      [
        { kind: "chunk_tx_recorded", chunk, recordedTx: "0xdef" },
        "proposal #4 chunk 2 of 3 (tx 0xabc): the audit log recorded this chunk as paid by 0xdef",
      ],
      [
        { kind: "chunk_tx_recorded", chunk, recordedTx: null },
        "proposal #4 chunk 2 of 3 (tx 0xabc): the audit log recorded this chunk as paid by no transaction",
      ],
      [{ kind: "chunk_tx_missing", chunk }, "proposal #4 chunk 2 of 3 (tx 0xabc): the chain has no such transaction"],
      [{ kind: "chunk_reverted", chunk }, "proposal #4 chunk 2 of 3 (tx 0xabc): the transaction reverted on chain"],
      [
        { kind: "chunk_no_settled_event", chunk, batchId: "0xb1" },
        "proposal #4 chunk 2 of 3 (tx 0xabc): the distributor emitted no Settled event for batch id 0xb1",
      ],
      [
        {
          kind: "chunk_settled_totals",
          chunk,
          settled: { count: "2", total: "2500000000000000000" },
          recorded: { count: 1, total: "4000000000000000000" },
        },
        "proposal #4 chunk 2 of 3 (tx 0xabc): the Settled event says 2 payouts, 2.5 STEW, but the chunk has 1 payouts, 4 STEW",
      ],
      [
        { kind: "chunk_lines_hash", chunk, linesHash: "0x11" },
        "proposal #4 chunk 2 of 3 (tx 0xabc): the Settled event committed to other lines (hash 0x11) than the chunk lists",
      ],
      [
        {
          kind: "line_held_other",
          chunk,
          line: 2,
          pays: { recipient: alice, amount: "1000000000000000000" },
          held: { recipient: bob, amount: "3000000000000000000" },
        },
        `proposal #4 chunk 2 of 3 (tx 0xabc), line 2: the batch pays ${alice} 1 STEW, but the distributor held ${bob}, 3 STEW`,
      ],
      [
        { kind: "line_held_other", chunk, line: 5, pays: null, held: { recipient: bob, amount: "1" } },
        `proposal #4 chunk 2 of 3 (tx 0xabc), line 5: the batch pays nothing, but the distributor held ${bob}, 0.000000000000000001 STEW`,
      ],
      [
        { kind: "line_held_unrecorded", chunk, line: 2 },
        "proposal #4 chunk 2 of 3 (tx 0xabc), line 2: the distributor held it, but Steward has no record of the held line",
      ],
      [
        {
          kind: "line_transfer",
          chunk,
          line: 1,
          pays: { recipient: alice, amount: "1000000000000000000" },
          transfer: { to: bob, amount: "1000000000000000000" },
        },
        `proposal #4 chunk 2 of 3 (tx 0xabc), line 1: the batch pays ${alice} 1 STEW, but the chain's Transfer went to ${bob}, 1 STEW`,
      ],
      [
        { kind: "line_transfer", chunk, line: 1, pays: { recipient: alice, amount: "1" }, transfer: null },
        `proposal #4 chunk 2 of 3 (tx 0xabc), line 1: the batch pays ${alice} 0.000000000000000001 STEW, but the chain's Transfer is missing`,
      ],
    ];
    for (const [fact, words] of cases) expect(auditMismatchText(fact, token), fact.kind).toBe(words);
  });

  it("sums a run up in one line: the first mismatch, and that there are more", () => {
    const counts = { events: 12, anchors: { recorded: 2, onChain: 1 }, settled: { chunks: 3 } };
    expect(auditSummaryText({ ...counts, ok: true, mismatches: [] }, token)).toBe(
      "audit verified: 12 events, 1 anchor(s) on chain and 2 recorded, 3 paid chunk(s); no mismatch",
    );
    const missing: AuditMismatch = { kind: "vote_missing", proposalId: 4 };
    expect(auditSummaryText({ ...counts, ok: false, mismatches: [missing] }, token)).toBe(
      "1 mismatch(es): proposal #4: the audit log has no record of its vote opening",
    );
    expect(
      auditSummaryText({ ...counts, ok: false, mismatches: [missing, { ...missing, proposalId: 5 }] }, token),
    ).toBe("2 mismatch(es): proposal #4: the audit log has no record of its vote opening …");
  });

  it("renders a stored run: facts in words, and the sentences older runs stored as they are", () => {
    expect(
      storedAuditText(
        {
          checked: ["audit log: 3 events, every hash and link recomputed", { kind: "anchors", recorded: 1 }],
          mismatches: ["an old sentence", { kind: "vote_missing", proposalId: 4 }],
        },
        token,
      ),
    ).toEqual({
      checked: [
        "audit log: 3 events, every hash and link recomputed",
        "anchors recorded by Steward: 1, each compared with the audit log",
      ],
      mismatches: ["an old sentence", "proposal #4: the audit log has no record of its vote opening"],
    });
  });
});
