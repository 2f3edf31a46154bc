import { describe, expect, it } from "vitest";
import type { LinkFacts } from "../../../src/base/githubFacts.ts";
import { CLAIM_REASONS } from "../../../src/base/githubFacts.ts";
import {
  contributionEmbed,
  contributionFormModal,
  contributionListView,
} from "../../../src/discord/views/contributionViews.ts";
import { appealOutcome, appealView, evaluationEmbed } from "../../../src/discord/views/evaluationViews.ts";
import { githubDraftDecidedText, githubDraftMessage } from "../../../src/discord/views/githubDraftViews.ts";
import { githubFactLine } from "../../../src/discord/views/githubFactsView.ts";
import {
  githubGistView,
  githubLinkView,
  githubShowView,
  githubUnlinkedView,
} from "../../../src/discord/views/githubViews.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import { FLAGS } from "../../../src/llm/evaluationTypes.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

const token = { symbol: "STEW", decimals: 18 };
const when = new Date("2026-03-01T12:00:00Z");
const later = new Date("2026-03-01T12:15:00Z");
const ID = "123456789012345678";
/** Long member text, as long as Steward lets it be: views must fit it in every language. */
/** No Han characters in member text: the tests below find Chinese only in Steward's own words. */
const TITLE = "Übersetzung der Dokumentation · перевод · traducción ".repeat(4).slice(0, 120);
const TEXT = "Work described at length, описание работы, trabajo descrito con detalle. ".repeat(60).slice(0, 4000);
const HAN = /\p{Script=Han}/u;
const label = (b: unknown) => (b as { label?: string }).label;

const contribution = (o: Record<string, unknown> = {}) =>
  ({
    id: 12345,
    guildId: "1",
    title: TITLE,
    description: TEXT,
    category: "research",
    links: [1, 2, 3, 4, 5].map((n) => `https://github.com/steward-dao/a-rather-long-repository-name/pull/${n}0000`),
    hours: "1000",
    status: "withdrawn",
    channelId: "2",
    messageId: "3",
    createdAt: when,
    withdrawnAt: later,
    author: { discordId: ID },
    ...o,
  }) as never;

const size = {
  additions: 123456,
  deletions: 65432,
  files: 1234,
  apart: { additions: 23456, deletions: 5432, files: 12, lockfiles: 2, generated: 9, whitespaceOnly: 1 },
};
const repo = { owner: "steward-dao", name: "steward", ownerType: "User" as const, authorAloneControls: true };
const verified = { status: "verified" as const, url: "https://github.com/x/y/pull/1", readAt: when.toISOString() };
const pr = {
  nodeId: "PR_1",
  number: 98765,
  title: "x",
  state: "closed" as const,
  merged: true,
  mergedBy: "a-very-long-github-login-name-of-39-cha",
  mergedAt: when.toISOString(),
  author: "a-very-long-github-login-name-of-39-cha",
  authorId: 1,
  createdAt: when.toISOString(),
  size,
  approvedBy: ["reviewer-one", "reviewer-two", "reviewer-three"],
  changesRequestedBy: [],
  closesIssues: [101, 102, 103],
  revertedBy: { number: 98766, merged: true, createdAt: when.toISOString() },
};
/** Every shape of fact line: claims, PRs of every state and authorship, commits, issues. */
const facts: LinkFacts[] = [
  ...CLAIM_REASONS.map((reason) => ({
    status: "claim" as const,
    key: "github.com/steward-dao/steward/pull/1",
    url: "https://github.com/steward-dao/steward/pull/1",
    readAt: when.toISOString(),
    reason,
  })),
  { ...verified, key: "k1", etags: {}, authorship: "member", repo, pr },
  { ...verified, key: "k2", etags: {}, authorship: "unlinked", repo: { ...repo, authorAloneControls: false }, pr },
  { ...verified, key: "k3", etags: {}, authorship: "other", repo, pr },
  {
    ...verified,
    key: "k4",
    etags: {},
    authorship: "member",
    repo,
    pr: { ...pr, merged: false, mergedBy: null, approvedBy: [], reviewsRead: true, revertedBy: null },
  },
  {
    ...verified,
    key: "k5",
    etags: {},
    authorship: "member",
    repo,
    pr: { ...pr, state: "open", merged: false, mergedBy: null, revertedBy: { ...pr.revertedBy, merged: false } },
  },
  {
    ...verified,
    key: "k6",
    etags: {},
    repo,
    commit: { sha: "0123456789abcdef", author: null, authorId: null, message: "m", size: { ...size, files: 1 } },
  },
  {
    ...verified,
    key: "k7",
    etags: {},
    repo,
    issue: {
      nodeId: "I",
      number: 7,
      title: "t",
      state: "closed",
      stateReason: null,
      author: "ann",
      authorId: 1,
      closedBy: "bo",
    },
  },
  {
    ...verified,
    key: "k8",
    etags: {},
    repo,
    issue: {
      nodeId: "I",
      number: 8,
      title: "t",
      state: "open",
      stateReason: null,
      author: "ann",
      authorId: 1,
      closedBy: null,
    },
  },
];

const evaluation = (o: Record<string, unknown> = {}) =>
  ({
    id: 3,
    purpose: "initial",
    scores: ["impact", "quality", "effort", "alignment", "community_reach"].map((criterion) => ({
      criterion,
      score: 7.5,
      weight: 0.2,
      reason: TEXT.slice(0, 1000),
    })),
    total: 75,
    suggestedReward: "1234567890123456789012",
    confidence: 0.85,
    rationale: TEXT,
    evidence: [TEXT.slice(0, 300), TEXT.slice(0, 300), TEXT.slice(0, 300), TEXT.slice(0, 300)],
    flags: [...FLAGS, "jury_disagrees"],
    githubFacts: facts.slice(0, 3),
    model: "gpt-4o-mini-2024-07-18",
    rubricVersion: 12,
    createdAt: when,
    reviewedBy: ID,
    ...o,
  }) as never;

/** Every view of contributions, evaluations, appeals and GitHub, as a message or form Discord receives. */
function payloads(locale: (typeof LOCALES)[number]) {
  const t = translator(locale);
  const c = contribution();
  const list = (scope: "mine" | "all", status: "evaluated" | undefined, items: never[]) =>
    contributionListView(t, { items, total: 123456, page: 1234, pages: 12346 }, { scope, status, page: 1234 });
  return {
    contributionEmbed: { embeds: [contributionEmbed(t, c)] },
    contributionListFull: list(
      "all",
      "evaluated",
      Array.from({ length: 10 }, () => c),
    ),
    contributionListMine: list("mine", undefined, []),
    contributionListNone: list("all", undefined, []),
    contributionForm: contributionFormModal(t, {
      title: TITLE,
      category: "research",
      hours: 1000,
      links: ["https://example.com/a"],
    }),
    evaluationEmbed: {
      embeds: [evaluationEmbed(t, evaluation(), { id: 12345, title: TITLE, status: "withdrawn" }, token)],
    },
    appealReviewEmbed: {
      embeds: [evaluationEmbed(t, evaluation({ purpose: "appeal" }), { id: 12345, title: TITLE }, token)],
    },
    overrideEmbed: {
      embeds: [evaluationEmbed(t, evaluation({ purpose: "override" }), { id: 12345, title: TITLE }, token)],
    },
    appealView: appealView(
      t,
      { id: 4567, reason: TEXT, authorDiscordId: ID },
      { id: 12345, title: TITLE },
      evaluation(),
      evaluation({ purpose: "appeal" }),
      token,
    ),
    appealAccepted: { content: appealOutcome(t, 4567, "accepted", ID) },
    appealRejected: { content: appealOutcome(t, 4567, "rejected", ID) },
    // Every kind of fact line, in the field an evaluation shows them in.
    evaluationAllFacts: {
      embeds: [evaluationEmbed(t, evaluation({ githubFacts: facts }), { id: 12345, title: TITLE }, token)],
    },
    githubLink: {
      content: githubLinkView(t, {
        verificationUri: "https://github.com/login/device",
        userCode: "ABCD-1234",
        expiresAt: later,
        again: true,
      }),
    },
    githubShowLinked: {
      content: githubShowView(
        t,
        { login: "a-very-long-github-login-name-of-39-cha", githubId: 123456789, linkedAt: when },
        { status: "pending", method: "gist", login: "octocat", challenge: "x", expiresAt: later },
      ),
    },
    githubShowDevice: {
      content: githubShowView(t, null, {
        status: "pending",
        method: "device",
        verificationUri: "https://github.com/login/device",
        userCode: "ABCD-1234",
        expiresAt: later,
      }),
    },
    ...Object.fromEntries(
      (["expired", "denied", "taken", "unreachable", "unknown_user"] as const).map((reason) => [
        `githubShowFailed_${reason}`,
        { content: githubShowView(t, null, { status: "failed", reason, login: "octocat" }) },
      ]),
    ),
    githubUnlinked: { content: githubUnlinkedView(t, "octocat") },
    githubGistWaiting: githubGistView(t, {
      status: "waiting",
      login: "a-very-long-github-login-name-of-39-cha",
      challenge: `steward-link:${"f".repeat(64)}`,
      expiresAt: later,
      notFound: false,
    }),
    githubGistNotFound: githubGistView(t, {
      status: "waiting",
      login: "octocat",
      challenge: "c",
      expiresAt: later,
      notFound: true,
    }),
    githubGistLinked: githubGistView(t, { status: "linked", login: "octocat" }),
    githubGistRelinked: githubGistView(t, { status: "relinked", login: "octocat" }),
    githubDraft: githubDraftMessage(t, {
      id: 4567,
      discordId: ID,
      title: TITLE,
      url: "https://github.com/steward-dao/a-rather-long-repository-name/pull/98765",
    }),
    githubDraftConfirmed: {
      content: githubDraftDecidedText(
        t,
        { id: 4567, url: "https://github.com/x/y/pull/1" },
        { status: "confirmed", contributionId: 12345 },
      ),
    },
    githubDraftDiscarded: {
      content: githubDraftDecidedText(t, { id: 4567, url: "https://github.com/x/y/pull/1" }, { status: "discarded" }),
    },
  };
}

describe("contribution, evaluation, appeal and GitHub views in every language", () => {
  it.each(LOCALES)("%s: every view fits Discord's limits with long text, large numbers and many items", (locale) => {
    for (const [name, payload] of Object.entries(payloads(locale))) {
      expect(discordLimitProblems(payload), `${locale} ${name}`).toEqual([]);
    }
  });

  it("writes Chinese for zh-CN: fields, criteria, flags, categories, buttons and the form", () => {
    const zh = payloads("zh-CN");
    const embed = zh.evaluationEmbed.embeds[0];
    expect(embed?.title).toMatch(/^#12345的评估 · /);
    expect(embed?.title?.endsWith("（已撤回）")).toBe(true);
    const names = embed?.fields?.map((f) => f.name) ?? [];
    expect(names[0]).toBe("影响 — 7.5/10（权重20%）");
    expect(names).toContain("总分");
    expect(names).toContain("建议奖励");
    // A criterion a RUBRIC_FILE adds has no translation: it is shown by its own name.
    expect(names).toContain("community_reach — 7.5/10（权重20%）");
    const flags = embed?.fields?.find((f) => f.name === "标记")?.value ?? "";
    expect(flags).toContain("⚠ 需要人工查看");
    expect(flags).toContain("⚠ 盲审团的评分与模型相差很大");
    expect(embed?.fields?.find((f) => f.name === "建议奖励")?.value).toBe(
      "无：该贡献已撤回（原为1,234.567890123456789012 STEW）",
    );
    expect(zh.contributionEmbed.embeds[0]?.fields?.[0]).toMatchObject({ name: "类别", value: "研究" });
    expect(zh.contributionForm.title).toBe("提交贡献");
    expect(zh.contributionForm.components.map((r) => label((r as { components: unknown[] }).components[0]))).toEqual([
      "标题",
      "你做了什么，为什么重要",
      "链接（最多5个，每行一个）",
    ]);
    expect(zh.appealView.components[0]?.components.map(label)).toEqual(["接受", "驳回"]);
    expect(facts.map((f) => githubFactLine(translator("zh-CN"), f))).toContain(
      "PR #98765：已由@a-very-long-github-login-name-of-39-cha合并，作者是你 ✓，1234个文件中+123456/−65432（其中+23456/−5432为锁文件、生成文件或空白改动），已获@reviewer-one、@reviewer-two、@reviewer-three批准，关闭了#101、#102、#103，由作者在只有自己能控制的仓库中合并：最多按未经审查的工作付酬，已被PR #98766回滚 ⚠",
    );
  });

  it("has no view left in English: each Chinese one holds Han characters, each Spanish one differs from English", () => {
    const [en, zh, es] = [payloads("en"), payloads("zh-CN"), payloads("es-ES")];
    for (const [name, payload] of Object.entries(zh)) {
      expect(HAN.test(JSON.stringify(payload)), name).toBe(true);
      expect(HAN.test(JSON.stringify(en[name as keyof typeof en])), name).toBe(false);
      expect(JSON.stringify(es[name as keyof typeof es]), name).not.toBe(JSON.stringify(en[name as keyof typeof en]));
    }
  });

  it("writes Spanish for es-ES, with the amounts and percentages Spain writes", () => {
    const es = payloads("es-ES");
    const embed = es.evaluationEmbed.embeds[0];
    expect(embed?.fields?.[0]?.name).toBe("impacto — 7,5/10 (peso 20\u00a0%)");
    expect(embed?.fields?.find((f) => f.name === "Confianza")?.value).toBe("85\u00a0%");
    expect(embed?.fields?.find((f) => f.name === "Recompensa sugerida")?.value).toBe(
      "ninguna: la contribución se retiró (era 1234,567890123456789012 STEW)",
    );
    expect(es.contributionListMine.embeds[0]?.description).toBe(
      "Aún no tienes contribuciones aquí. Envía una con `/contribute submit`.",
    );
    expect(es.githubDraft.components[0]?.components.map(label)).toEqual(["Enviarla", "Descartar"]);
    expect(es.contributionForm.title).toBe("Enviar una contribución");
  });

  it("keeps English as it was", () => {
    const en = payloads("en");
    expect(en.evaluationEmbed.embeds[0]?.fields?.[0]?.name).toBe("impact — 7.5/10 (weight 20%)");
    expect(en.evaluationEmbed.embeds[0]?.title).toMatch(/^Evaluation of #12345 · .* \(withdrawn\)$/);
    expect(en.overrideEmbed.embeds[0]?.title).toMatch(/^Moderator's evaluation of #12345 · /);
    expect(en.contributionListNone.embeds[0]?.footer?.text).toBe("Page 1,234 of 12,346 · 123,456 in total");
    expect(en.appealAccepted.content).toBe(
      `Appeal #4567 accepted by <@${ID}>: the second pass is now the evaluation that counts.`,
    );
  });
});
