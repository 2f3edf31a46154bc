import { describe, expect, it } from "vitest";
import { heldLineProblemText } from "../../../src/base/heldLineProblemText.ts";
import { payoutFailureText } from "../../../src/base/payoutFailureText.ts";
import type { PlannedElsewhere } from "../../../src/base/payoutStuck.ts";
import { payoutStuckText } from "../../../src/base/payoutStuckText.ts";
import { auditTraceView, juryText } from "../../../src/discord/views/auditTraceViews.ts";
import {
  claimAskedView,
  claimSubmittedView,
  heldLinesView,
  returnAskedView,
} from "../../../src/discord/views/heldLineViews.ts";
import {
  juryItemView,
  juryNothingText,
  juryRecordedText,
  juryScoreModal,
} from "../../../src/discord/views/juryViews.ts";
import {
  isReceiptOf,
  payoutHistoryView,
  payoutStatusView,
  receiptMessage,
  safeBatchText,
} from "../../../src/discord/views/payoutViews.ts";
import { privacyView } from "../../../src/discord/views/privacyViews.ts";
import {
  walletChallengeView,
  walletLinkedView,
  walletShowView,
  walletVerifyForm,
} from "../../../src/discord/views/walletViews.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { type Translator, translator } from "../../../src/i18n/translator.ts";
import type { AuditTrace, TracedReason } from "../../../src/services/transparency/traceAudit.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const token = { symbol: "STEW", decimals: 18 };
const BIG = "123456789012345678901234567"; // 123,456,789.012345678901234567 STEW
const address = (n: number) => `0x${n.toString(16).padStart(40, "a")}`;
const hash = (n: number) => `0x${n.toString(16).padStart(64, "b")}`;
const title = "Translate the onboarding guide, the FAQ and the governance handbook into three languages ".repeat(3);
const at = new Date("2026-12-01T12:00:00Z");
const HAN = /\p{Script=Han}/u;

/** Every view of payouts, wallets, the audit trace, privacy and the jury, as each locale renders it. */
function everyView(t: Translator) {
  const held = (id: number, status: string) => ({
    id,
    line: id,
    recipient: address(id),
    amount: BIG,
    status,
    paidTo: status === "claimed" ? address(99) : null,
    problem: { kind: "claim_expired" as const },
  });
  const statuses = ["planned", "signed", "broadcast", "mined", "confirmed", "failed", "awaiting_execution"];
  const receipt = {
    proposal: { id: 42, title, batchHash: hash(1), guildId: "g" },
    total: BigInt(BIG) * 45n,
    lines: Array.from({ length: 45 }, (_, n) => ({
      recipient: address(n),
      amount: BIG,
      discordId: n % 2 === 0 ? `10000000000000000${n}` : null,
      heldLineId: n % 5 === 0 ? 1000 + n : null,
    })),
    transactions: [{ txHash: hash(2) }, { txHash: null }],
    explorerTxUrl: "https://explorer.example/tx/{hash}",
  };
  const reason: TracedReason = {
    kind: "contribution",
    id: 7,
    title,
    category: "docs",
    author: "a-member-with-a-long-public-name",
    submittedAt: at,
    evaluation: {
      id: 9,
      evaluator: "llm",
      model: "a-scripted-model-with-a-long-name",
      rubricVersion: 3,
      promptSha256: "c".repeat(64),
      policyVersion: 2,
      total: 87,
      confidence: 0.91,
      scores: ["clarity", "impact", "effort", "evidence", "originality"].map((criterion) => ({
        criterion,
        score: 8,
        weight: 1,
      })),
      evidence: [title, title],
      flags: ["keyword_stuffing", "padding"],
      cleared: true,
      purpose: "appeal",
    },
    jury: {
      epoch: 4,
      evaluationId: 9,
      reviews: 3,
      scores: [{ criterion: "clarity", model: 8, jury: 7.5 }],
      modelTotal: 87,
      juryTotal: 81,
    },
  };
  const outcome = { scores: [12.5, 3], scoresTotal: 15.5, voters: 4, quorumMet: true, winner: 1, tie: false };
  const trace: AuditTrace = {
    ref: { kind: "transaction", key: hash(3) },
    subject: `transaction ${hash(3)}`,
    proposal: {
      id: 42,
      title,
      kind: "distribution",
      status: "settled",
      author: "steward",
      batchHash: hash(4),
      votingType: "quadratic",
      choices: ["Pay the distribution", "Do not pay"],
      quorumWeight: 10,
      eligibleWeight: 123.45,
      result: {
        all: { ...outcome, status: "passed" },
        withoutConflicted: { ...outcome, status: "passed" },
        conflictedVoters: 2,
        binding: "withoutConflicted",
      },
      voters: 4,
      conflictedVoters: 2,
      approvalsRequired: 2,
      approvals: [
        { by: "moderator-one", at },
        { by: "moderator-two", at },
      ],
      anchor: { eventId: "1234", hash: hash(5), blockNumber: 99, txHash: hash(6) },
      epoch: 4,
      chunks: [
        {
          index: 0,
          count: 2,
          status: "confirmed",
          txHash: hash(3),
          blockNumber: 98,
          batchId: hash(7),
          lines: 30,
          total: BIG,
        },
      ],
    },
    chunk: {
      index: 0,
      count: 2,
      status: "confirmed",
      txHash: hash(3),
      blockNumber: 98,
      batchId: hash(7),
      lines: 30,
      total: BIG,
    },
    lines: Array.from({ length: 7 }, (_, n) => ({
      recipient: address(n),
      amount: BIG,
      chunk: 0,
      reasons: [
        reason,
        { kind: "uptime", nodeId: 3, node: "gpu-node-in-a-long-rack-name", hours: 123.456, amount: BIG },
        { kind: "lease", leaseId: 5, nodeId: 3, node: "gpu-node", amount: BIG },
        { kind: "carry", id: 8, amount: null },
      ],
    })),
    pending: null,
    node: { id: 3, name: "gpu-node", provider: "provider", status: "online", gpu: "2 × A100 (80 GB)", region: "eu" },
    note: null,
    noteFact: { kind: "carried", epoch: 3, paidLater: true },
  };
  const item = {
    itemId: 11,
    title,
    description: title,
    category: "docs",
    links: ["https://github.com/acme/app/pull/1", "https://docs.example/guide"],
    hours: "12.5",
    criteria: ["clarity", "impact", "effort", "evidence", "originality"].map((name) => ({
      name,
      description: "How clear, complete and useful the work is for the people it serves, with evidence",
    })),
  };
  const content = (text: string) => ({ content: text });
  return {
    receipt: receiptMessage(t, receipt as never, token),
    safeBatch: content(
      safeBatchText(
        t,
        { proposalId: 42, chunkIndex: 1, chunkCount: 3, treasury: address(1), batchId: hash(8) },
        "1234567890",
      ),
    ),
    status: content(
      payoutStatusView(
        t,
        {
          proposal: { id: 42, title, status: "settling", settlementError: null },
          chunks: statuses.map((status, index) => ({
            index,
            count: statuses.length,
            status,
            lines: 40,
            total: BIG,
            txHash: hash(index),
            confirmations: status === "mined" ? 3 : null,
            failure: status === "failed" ? { kind: "nonce_taken", nonce: 7 } : null,
            stuck: status === "signed" ? { kind: "error", message: "request timeout" } : null,
            held: [held(1, "held"), held(2, "claimed")],
          })),
          confirmationsRequired: 12,
          explorerTxUrl: "https://explorer.example/tx/{hash}",
          chainConfigured: true,
        } as never,
        token,
      ),
    ),
    statusApproved: content(
      payoutStatusView(
        t,
        { proposal: { id: 42, title, status: "approved" }, chunks: [], chainConfigured: false } as never,
        token,
      ),
    ),
    history: content(
      payoutHistoryView(
        t,
        {
          wallets: 2,
          lines: Array.from({ length: 25 }, (_, n) => ({
            proposalId: n,
            title,
            amount: BIG,
            recipient: address(n),
            txHash: hash(n),
            at,
            held: n % 3 === 0 ? { id: n, status: n % 2 === 0 ? "held" : "redirected", paidTo: address(9) } : null,
          })),
        } as never,
        token,
      ),
    ),
    historyNone: content(payoutHistoryView(t, { wallets: 0, lines: [] } as never, token)),
    heldLines: content(
      heldLinesView(
        t,
        Array.from({ length: 12 }, (_, n) => ({
          id: n,
          recipient: address(n),
          amount: { toFixed: () => BIG },
          status: "held",
          paidTo: null,
          lastProblem: { kind: "reverted", txHash: hash(n) },
          proposalId: n,
        })) as never,
        token,
        true,
      ),
    ),
    claimAsked: content(
      claimAskedView(
        t,
        {
          line: { id: 3, recipient: address(3), amount: BigInt(BIG) },
          to: address(3),
          deadline: at,
          typedData: { domain: { name: "Distributor" }, message: { lineId: "3" } },
        } as never,
        token,
      ),
    ),
    claimQueued: content(claimSubmittedView(t, { queued: true, id: 3, to: address(3) })),
    claimSend: content(
      claimSubmittedView(t, { queued: false, id: 3, to: address(3), transaction: { to: address(4), data: "0x12" } }),
    ),
    returnQueued: content(returnAskedView(t, { queued: true, id: 3, treasury: address(5) })),
    returnSend: content(
      returnAskedView(t, { queued: false, id: 3, treasury: address(5), transaction: { to: address(4), data: "0x1" } }),
    ),
    challenge: content(
      walletChallengeView(
        t,
        { address: address(1), message: "steward.example wants you to sign in…", expiresAt: at },
        { chainId: 11155111, contractWallets: true },
      ),
    ),
    challengeNoChain: content(
      walletChallengeView(
        t,
        { address: address(1), message: "…", expiresAt: at },
        { chainId: 1, contractWallets: false },
      ),
    ),
    linked: content(walletLinkedView(t, address(1), address(2), { kind: "erc6492", chainId: 11155111 })),
    linkedFirst: content(walletLinkedView(t, address(1), null, { kind: "erc1271", chainId: 1 })),
    linkedAgain: content(walletLinkedView(t, address(1), address(1))),
    verifyForm: walletVerifyForm(t),
    show: walletShowView(t, { address: address(1), linkedAt: at }, null),
    showBalance: walletShowView(t, { address: address(1), linkedAt: at }, `${BIG} STEW`),
    showNone: walletShowView(t, null),
    tracePath: auditTraceView(t, trace, 1, token, "https://explorer.example/tx/{hash}"),
    traceLines: auditTraceView(t, trace, 2, token),
    traceLast: auditTraceView(t, trace, 99, token),
    traceContribution: auditTraceView(
      t,
      {
        ...trace,
        ref: { kind: "contribution", key: "7" },
        proposal: null,
        chunk: null,
        lines: [],
        node: null,
        pending: reason,
        noteFact: { kind: "not_in_closed_epoch" },
      },
      1,
      token,
    ),
    juryNotSampled: content(juryText(t, null)),
    privacy: content(
      privacyView(
        t,
        {
          showName: false,
          showWallet: true,
          publicName: "member-4f2a",
          publicWallet: address(1),
          pseudonym: "member-4f2a",
        },
        t.t("privacy.changed.walletFull"),
      ),
    ),
    privacyNoWallet: content(
      privacyView(t, { showName: true, showWallet: false, publicName: "li", publicWallet: null, pseudonym: "m" }),
    ),
    juryItem: juryItemView(t, { item, remaining: 12, epochNumber: 4 }),
    juryNothing: content(juryNothingText(t, { sampled: 0, epochNumber: 4 })),
    juryDone: content(juryNothingText(t, { sampled: 20, epochNumber: 4 })),
    juryModal: juryScoreModal(t, 11, ["clarity", "impact", "a criterion with a rather long name", "evidence"]),
    juryRecorded: content(juryRecordedText(t, 11, [{ criterion: "clarity", score: 7 }])),
  };
}

describe("payout, wallet, audit, privacy and jury views", () => {
  it.each(LOCALES)("fit Discord's limits in %s", (locale) => {
    for (const [name, payload] of Object.entries(everyView(translator(locale)))) {
      expect(discordLimitProblems(payload), `${locale} ${name}`).toEqual([]);
    }
  });

  it("speak Chinese and Spanish, not English", () => {
    const zh = everyView(translator("zh-CN"));
    const es = everyView(translator("es-ES"));
    expect(zh.receipt.content).toMatch(/^已付款：提案#42“/);
    expect(zh.receipt.embeds[0]?.description).toContain("123,456,789.012345678901234567 STEW");
    expect(es.receipt.embeds[0]?.description).toContain("123.456.789,012345678901234567 STEW");
    expect(zh.showBalance.embeds?.[0]?.title).toBe("你的钱包");
    expect(es.showNone.content).toBe(
      "Todavía no has vinculado ninguna cartera. Usa `/wallet link address:<tu dirección>` para empezar.",
    );
    expect(es.tracePath.embeds[0]?.footer?.text).toMatch(/^Traza de la transacción 0x/);
    expect(JSON.stringify(zh.juryItem.components)).toContain('"label":"打分"');
    expect(zh.verifyForm.title).toBe("完成钱包绑定");
    for (const [name, payload] of Object.entries(zh)) expect(JSON.stringify(payload), name).toMatch(HAN);
    expect(es.history.content).toMatch(
      /^Has recibido 2\.469\.135\.780,24691357802469134 STEW en 20 pagos \(5 más retenidos o devueltos\):\n/,
    );
    expect(es.juryModal.title).toBe("Puntuar el elemento del jurado 11");
    expect(es.privacy.content).toContain("Tu dirección de cartera ahora se muestra completa públicamente.");
  });

  it("keep the English amounts as they always read, and find a receipt posted in any language", () => {
    const en = everyView(translator("en"));
    expect(en.receipt.embeds[0]?.fields[0]?.value).toBe(
      "5555555505.555555550555555515 STEW to 45 recipient(s); 1111111101.111111110111111103 STEW of it held for 9 recipient(s) whose transfer failed, until claimed",
    );
    expect(en.receipt.content.startsWith("Paid: proposal #42 “")).toBe(true);
    for (const locale of LOCALES) {
      const content = everyView(translator(locale)).receipt.content;
      expect(isReceiptOf(content, 42)).toBe(true);
      expect(isReceiptOf(content, 4)).toBe(false);
    }
    // A receipt posted before the words were catalogued is still found.
    expect(isReceiptOf("Paid: proposal #42 “Docs”.", 42)).toBe(true);
  });

  it("say why a payout failed, is stuck or is held in the reader's language, and in English as before", () => {
    const failures = [
      { kind: "amount_unpackable", amount: "0" },
      { kind: "pays_contract", line: 2, recipient: address(1) },
      { kind: "treasury_short", treasury: address(2), balance: "1", needed: "3000" },
      { kind: "allowance_short", allowance: "1", needed: "3000" },
      { kind: "chain_refused" },
      { kind: "settled_other_lines", batchId: hash(1), txHash: hash(2), linesHash: hash(3) },
      { kind: "reverted", txHash: hash(4), blockNumber: 12 },
      { kind: "nonce_taken", nonce: 7 },
      { kind: "tx_gone", txHash: null },
    ] as const;
    const stuck: PlannedElsewhere = {
      kind: "planned_elsewhere",
      count: 3,
      chunks: [{ proposalId: 4, chunkIndex: 0, chainId: 1, token: address(5), distributor: address(6) }],
      now: { chainId: 31337, token: address(7), distributor: address(8) },
    };
    const problems = [{ kind: "reverted", txHash: hash(9) }, { kind: "claim_expired" }] as const;
    const zh = translator("zh-CN");
    const es = translator("es-ES");
    for (const f of failures) {
      expect(payoutFailureText(f, zh), f.kind).toMatch(HAN);
      expect(payoutFailureText(f, es), f.kind).not.toBe(payoutFailureText(f));
    }
    for (const p of problems) expect(heldLineProblemText(p, zh), p.kind).toMatch(HAN);
    expect(payoutStuckText(stuck, zh)).toMatch(/^结算已停止：有3个未完成的付款分块/);
    expect(payoutStuckText(stuck, es)).toMatch(/^la liquidación está detenida: 3 tramos de pago sin terminar/);
    expect(payoutFailureText(failures[6])).toBe(`transaction ${hash(4)} reverted on-chain in block 12`);
    expect(payoutFailureText(failures[8])).toBe("transaction null, which paid this chunk, is no longer on the chain");
    expect(payoutStuckText(stuck)).toBe(
      `settlement is stopped: 3 unfinished payout chunk(s) were planned for another chain, token or distributor than the settings now name (CHAIN_ID=31337, TOKEN_ADDRESS=${address(7)}, DISTRIBUTOR_ADDRESS=${address(8)}): proposal #4 chunk 1 (CHAIN_ID=1, TOKEN_ADDRESS=${address(5)}, DISTRIBUTOR_ADDRESS=${address(6)}); …. Paying them through the new settings could pay their amounts in another token or a chunk twice; put those settings back until they are paid`,
    );
  });
});
