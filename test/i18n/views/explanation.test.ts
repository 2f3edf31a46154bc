import { describe, expect, it } from "vitest";
import type { EvaluationExplanation } from "../../../src/base/evaluationExplanation.ts";
import { EVIDENCE_KINDS, type EvidenceKind } from "../../../src/base/evidenceKinds.ts";
import { evaluationEmbed } from "../../../src/discord/views/evaluationViews.ts";
import { criterionReason } from "../../../src/discord/views/explanationViews.ts";
import { policyStatusView } from "../../../src/discord/views/policyViews.ts";
import { LOCALES } from "../../../src/i18n/locales.ts";
import { translator } from "../../../src/i18n/translator.ts";
import { defaultCategoryCriteria, EVIDENCE_DESCRIPTIONS } from "../../../src/llm/categoryEvidence.ts";
import { defaultRubric } from "../../../src/llm/rubric.ts";
import { rubricAssessment } from "../../../src/llm/rubricEvaluator.ts";
import type { NewcomerAdvice } from "../../../src/services/evaluations/newcomerAdvice.ts";
import { discordLimitProblems } from "../../helpers/discordLimits.ts";

// The rubric evaluator's reasons worded from its facts, the category's expected evidence, a newcomer's "what would
// have scored higher", and /policy show's evidence per category: in every language, through Discord's limits.

const token = { symbol: "STEW", decimals: 18 };
const HAN = /\p{Script=Han}/u;
const when = new Date("2026-03-01T12:00:00Z");
const LONG = "Un texto descrito por un DAO, larguísimo, в своих словах. ".repeat(10).slice(0, 100);

/** A first contribution in Chinese, a translation with no link: what a zh-CN newcomer submits. */
const { draft, explanation } = rubricAssessment(
  {
    title: "翻译入门指南",
    description: "我把入门指南翻译成了中文，帮助新成员了解如何提交贡献和投票。",
    category: "docs",
    links: [],
    hours: 3,
    earlier: [],
    authorTrackRecord: 0,
  },
  defaultRubric,
);

const evaluation = (o: Record<string, unknown> = {}) =>
  ({
    id: 3,
    purpose: "initial",
    evaluator: "rubric",
    scores: draft.scores,
    total: draft.total,
    suggestedReward: "1234567890123456789012",
    confidence: draft.confidence,
    rationale: draft.rationale,
    evidence: draft.evidence,
    flags: draft.flags,
    githubFacts: null,
    explanation,
    fallbackReason: null,
    model: "rubric-evaluator-3",
    rubricVersion: 1,
    createdAt: when,
    reviewedBy: null,
    ...o,
  }) as never;

/** Everything at once, as long as it gets: every kind of evidence, every fact, custom descriptions a DAO wrote. */
const ALL = [...EVIDENCE_KINDS];
const worstExplanation: EvaluationExplanation = {
  category: "community",
  // A category lists at most 8 kinds of evidence (loadRubric), half of them here in a DAO's own long words.
  evidence: ALL.slice(0, 8).map((evidence, i) => ({
    evidence,
    criterion: ["impact", "quality", "effort"][i % 3] as string,
    description: i % 2 ? LONG : EVIDENCE_DESCRIPTIONS[evidence],
    present: i % 2 === 0,
  })),
  // What each criterion can carry at most: a category lists at most 8 kinds of evidence (loadRubric).
  criteria: [
    {
      criterion: "impact",
      facts: [
        { kind: "links", count: 12345, kinds: ["pr", "commit", "issue", "doc", "other"] },
        {
          kind: "github",
          merged: 1234,
          approvers: Array.from({ length: 10 }, (_, i) => `reviewer-with-a-long-name-${i}`),
          mergedByOther: false,
          selfMerged: 12,
          reverted: 3,
          trivial: true,
        },
        { kind: "refused", count: 7 },
        { kind: "duplicate" },
        { kind: "evidence", category: "community", present: ALL.slice(0, 4), missing: ALL.slice(4, 8) },
      ],
    },
    {
      criterion: "quality",
      facts: [
        { kind: "length", chars: 12345, language: "zh", target: 80, percent: 47 },
        { kind: "links", count: 12345, kinds: [] },
        { kind: "evidence", category: "community", present: ALL.slice(8, 12), missing: ALL.slice(12, 16) },
      ],
    },
    {
      criterion: "effort",
      facts: [
        { kind: "verifiedLines", lines: 123456, apart: 7890 },
        { kind: "hours", hours: 1000, unbacked: true },
        { kind: "evidence", category: "community", present: ALL.slice(0, 4), missing: ALL.slice(12, 16) },
      ],
    },
    { criterion: "alignment", facts: [{ kind: "track", category: "community", earlier: 1234 }] },
    { criterion: "community_reach", facts: [{ kind: "unmeasured" }] },
  ],
  rationale: [
    { kind: "similar", percent: 97, contributionId: 123456 },
    { kind: "claimed", contributionIds: Array.from({ length: 20 }, (_, i) => 100000 + i) },
    { kind: "injection", signals: ["ignore previous instructions", "role: system", "score override"] },
    { kind: "stuffed" },
    { kind: "lowEvidence" },
  ],
};
const worstAdvice: NewcomerAdvice = {
  category: "community",
  criteria: ["impact", "quality", "effort", "community_reach"].map((criterion) => ({
    criterion,
    score: 2.5,
    // A category lists at most 8 kinds: here 8 for each criterion, the longest words Steward has.
    missing: ALL.slice(0, 8).map((evidence: EvidenceKind) => ({
      evidence,
      criterion,
      description: EVIDENCE_DESCRIPTIONS[evidence],
      present: false,
    })),
  })),
};
const advice: NewcomerAdvice = {
  category: "docs",
  criteria: draft.scores
    .filter((s) => s.score < 7)
    .map((s) => ({
      criterion: s.criterion,
      score: s.score,
      missing: explanation.evidence.filter((e) => e.criterion === s.criterion && !e.present),
    }))
    .filter((c) => c.missing.length > 0),
};

const policy = (categoryCriteria?: unknown) =>
  ({
    epochNumber: 12,
    active: {
      version: 4,
      content: {
        rubric: { criteria: defaultRubric.criteria, ...(categoryCriteria ? { categoryCriteria } : {}) },
        caps: { maxPerContribution: "100000000000000000000" },
        evaluator: { kind: "rubric", model: "rubric-evaluator-3", promptVersion: "none" },
      },
      adoptedBy: null,
    },
    upcoming: [],
    pending: [],
    versions: [{ version: 4, evaluations: 12, jury: null }],
    configDiffers: [],
  }) as never;

function views(locale: (typeof LOCALES)[number]) {
  const t = translator(locale);
  const c = { id: 12345, title: "翻译入门指南" };
  return {
    newcomer: { embeds: [evaluationEmbed(t, evaluation(), c, token, advice)] },
    worst: {
      embeds: [
        evaluationEmbed(
          t,
          evaluation({
            explanation: worstExplanation,
            scores: worstExplanation.criteria?.map((x) => ({
              criterion: x.criterion,
              score: 2.5,
              weight: 0.2,
              reason: "r",
            })),
            fallbackReason: "MalformedOutputError",
          }),
          c,
          token,
          worstAdvice,
        ),
      ],
    },
    policy: policyStatusView(t, policy(defaultCategoryCriteria), token),
    policyOwnWords: policyStatusView(
      t,
      policy({ docs: [{ evidence: "published_link", criterion: "impact", description: LONG }] }),
      token,
    ),
    policyBefore: policyStatusView(t, policy(), token),
  };
}

describe("the evaluation's explanation and the policy's evidence per category", () => {
  it.each(LOCALES)("fit Discord's limits in %s, without being cut", (locale) => {
    for (const [name, payload] of Object.entries(views(locale))) {
      expect(discordLimitProblems(payload), `${locale} ${name}`).toEqual([]);
      for (const f of payload.embeds[0]?.fields ?? [])
        expect(f.value.endsWith("…"), `${name}: ${f.name}: ${f.value}`).toBe(false);
    }
  });

  it("punctuates a length under the target as each language does", () => {
    const short = [{ kind: "length", chars: 76, language: "zh", target: 80, percent: 97 }] as const;
    expect(criterionReason(translator("zh-CN"), [...short])).toBe(
      "76 个有效字符（按英文等量字符计：正文为中文），不足 80：得到完整描述分的 97%",
    );
    expect(criterionReason(translator("en"), [{ ...short[0], language: "other" }])).toMatch(
      /^76 informative characters, /,
    );
  });

  it("words a zh-CN newcomer's evaluation in Chinese: reasons, rationale, expected evidence, what would score higher", () => {
    const embed = views("zh-CN").newcomer.embeds[0];
    const fields = embed?.fields ?? [];
    expect(embed?.description).toMatch(/^依据可观察的信号评分/);
    expect(embed?.description).toContain("可用于核实这项工作的证据很少");
    expect(embed?.description).not.toContain("Scored from observable signals");
    const quality = fields.find((f) => f.name.startsWith("质量"));
    expect(quality?.value).toContain("个有效字符（按英文等量字符计：正文为中文）");
    expect(quality?.value).not.toContain("informative characters");
    expect(fields.find((f) => f.name.startsWith("投入"))?.value).toContain("自述 3 小时，不计分");
    expect(fields.find((f) => f.name.startsWith("契合度"))?.value).toBe("文档类；作者此前没有贡献");
    expect(fields.find((f) => f.name === "文档类工作的评判依据")?.value).toBe(
      "✗ 已发布文本的链接\n✓ 翻译的语言对\n✗ 篇幅或范围",
    );
    expect(fields.find((f) => f.name === "你的第一项贡献：怎样能得更高分")?.value).toMatch(/^欢迎！/);
    const impact = fields.find((f) => /^影响 — [\d.]+\/10：怎样能得更高分$/.test(f.name));
    expect(impact?.value).toBe("• 已发布文本的链接，例如 “https://docs.example.org/guide”");
    const effort = fields.find((f) => /^投入 — [\d.]+\/10：怎样能得更高分$/.test(f.name));
    expect(effort?.value).toBe("• 篇幅或范围，例如 “12 页，约 4000 字”");
    for (const f of fields.filter((x) => !/^\d/.test(x.value))) expect(f.value, f.name).toMatch(HAN);
  });

  it("words it in Spanish and English from the same facts", () => {
    const es = views("es-ES").newcomer.embeds[0];
    expect(es?.description).toMatch(/^Puntuado con señales observables/);
    expect(
      es?.fields?.find((f) => f.name.startsWith("impacto — ") && f.name.endsWith("qué habría puntuado más"))?.value,
    ).toBe("• un enlace al texto publicado, p. ej. «https://docs.example.org/guide»");
    const en = views("en").newcomer.embeds[0];
    expect(en?.fields?.find((f) => f.name.startsWith("effort"))?.value).toBe(
      "judged from the evidence; 3 hours stated, not scored; docs evidence missing: its length or scope",
    );
  });

  it("shows an evaluation stored before its facts, and the LLM's own reasons, as stored", () => {
    const t = translator("zh-CN");
    const old = evaluationEmbed(t, evaluation({ explanation: null }), { id: 1, title: "t" }, token);
    expect(old.description).toContain("Scored from observable signals");
    expect(old.fields?.find((f) => f.name.startsWith("质量"))?.value).toContain("informative characters");
    expect(old.fields?.some((f) => f.name.includes("评判依据"))).toBe(false);
    const llm = evaluationEmbed(
      t,
      evaluation({
        evaluator: "llm",
        scores: [{ criterion: "impact", score: 6, weight: 1, reason: "这份翻译清晰准确。" }],
        rationale: "译文质量很好。",
        explanation: { category: "docs", evidence: explanation.evidence },
      }),
      { id: 1, title: "t" },
      token,
    );
    expect(llm.description).toBe("译文质量很好。");
    expect(llm.fields?.[0]?.value).toBe("这份翻译清晰准确。");
    expect(llm.fields?.some((f) => f.name === "文档类工作的评判依据")).toBe(true);
  });

  it("lists the evidence per category in /policy show: Steward's words translated, a DAO's as written, or none", () => {
    const zh = views("zh-CN");
    const fields = zh.policy.embeds[0]?.fields ?? [];
    expect(fields.find((f) => f.name === "代码类工作的证据")?.value).toBe(
      "• 拉取请求或提交的链接（影响）\n• 作者以外的人所做的审查（质量）\n• 证明其可用的测试（质量）",
    );
    expect(fields.find((f) => f.name === "社区类工作的证据")?.value).toContain("录像或记录的链接");
    expect(zh.policyOwnWords.embeds[0]?.fields?.find((f) => f.name === "文档类工作的证据")?.value).toContain(
      "Un texto descrito por un DAO",
    );
    expect(zh.policyBefore.embeds[0]?.fields?.find((f) => f.name === "各类别的证据")?.value).toBe(
      "此政策未按类别列出证据（记录于各类别有自己的评判依据之前）。",
    );
    expect(
      views("es-ES").policy.embeds[0]?.fields?.find((f) => f.name === "Pruebas de un trabajo de documentación")?.value,
    ).toContain("en una traducción, el par de idiomas");
  });
});
