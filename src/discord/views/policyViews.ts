import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import type { Token } from "../../base/token.ts";
import type { Translator } from "../../i18n/translator.ts";
import type { Agreement } from "../../services/calibration/agreement.ts";
import type { PolicyDiff } from "../../services/policy/parsePolicyChange.ts";
import type { PolicyProposalFacts } from "../../services/policy/policyProposalFacts.ts";
import type { PolicyStatus } from "../../services/policy/policyStatus.ts";
import type { PolicyRescoring } from "../../services/policy/rescoreAgreement.ts";
import { categoryName } from "./categoryName.ts";
import { criterionName } from "./evaluationViews.ts";
import { categoryCriteriaFields } from "./explanationViews.ts";
import { clip, ts } from "./governanceFormat.ts";
import { tokenAmountIn } from "./tokenAmountIn.ts";
import { userLine } from "./userText.ts";

const two = (n: number) => n.toFixed(2);

const categoryList = (t: Translator, categories: string[]) =>
  t.list(categories.map((c) => categoryName(t, userLine(c, 40))));

/** "impact weight 0.35 → 0.5", "cap per contribution 100 STEW → 50 STEW", "model gpt-4o-mini → gpt-4o". */
export function diffText(t: Translator, d: PolicyDiff, token: Token): string {
  switch (d.field) {
    case "weight":
      return t.t("policy.diff.weight", { criterion: d.criterion, from: d.from, to: d.to });
    case "maxPerContribution":
      return t.t("policy.diff.cap", { from: tokenAmountIn(t, d.from, token), to: tokenAmountIn(t, d.to, token) });
    case "model":
      return t.t("policy.diff.model", { from: userLine(d.from, 100), to: userLine(d.to, 100) });
    case "promptVersion":
      return t.t("policy.diff.promptVersion", { from: d.from, to: d.to });
    case "evaluator":
      return t.t("policy.diff.evaluator", { from: d.from, to: d.to });
    case "categoryCriteria":
      return t.t("explain.policy.diff", { categories: categoryList(t, d.categories) });
  }
}

/** A value the configuration sets otherwise than the adopted policy: "impact weight 0.35 (adopted: 0.7)". */
function configText(t: Translator, d: PolicyDiff, token: Token): string {
  switch (d.field) {
    case "weight":
      return t.t("policy.config.weight", { criterion: d.criterion, value: d.to, adopted: d.from });
    case "maxPerContribution":
      return t.t("policy.config.cap", {
        value: tokenAmountIn(t, d.to, token),
        adopted: tokenAmountIn(t, d.from, token),
      });
    case "model":
      return t.t("policy.config.model", { value: userLine(d.to, 100), adopted: userLine(d.from, 100) });
    case "promptVersion":
      return t.t("policy.config.promptVersion", { value: userLine(d.to, 100), adopted: userLine(d.from, 100) });
    case "evaluator":
      return t.t("policy.config.evaluator", { value: userLine(d.to, 100), adopted: userLine(d.from, 100) });
    case "categoryCriteria":
      return t.t("explain.policy.config", { categories: categoryList(t, d.categories) });
  }
}

/** "0.80 (Spearman); mean difference 1.2 points" for one version on the re-scored items. */
export function agreementText(t: Translator, a: Agreement | null): string {
  if (!a) return t.t("policy.agreement.noJuryItem");
  const rho =
    a.overall.spearman === null
      ? t.t("policy.agreement.notMeasurable")
      : t.t("policy.agreement.spearman", { rho: two(a.overall.spearman) });
  if (a.overall.meanDifference === null) return rho;
  return t.t("policy.agreement.withDifference", { rho, difference: a.overall.meanDifference.toFixed(1) });
}

const METHOD = {
  rubric_recomputed: "policy.method.rubricRecomputed",
  llm_reweighted: "policy.method.llmReweighted",
  llm_not_rerun: "policy.method.llmNotRerun",
} as const satisfies Record<PolicyRescoring["method"], string>;

/** The re-scored agreement in words, with its sample size and how it was obtained. */
export function rescoringText(t: Translator, r: PolicyRescoring, baseVersion: number): string {
  const a = r.active ?? r.candidate;
  if (!a) return t.t("policy.rescoring.nothing");
  return [
    t.t("policy.rescoring.active", { version: baseVersion, agreement: agreementText(t, r.active) }),
    t.t("policy.rescoring.candidate", { agreement: agreementText(t, r.candidate) }),
    t.t("policy.rescoring.sample", {
      items: a.items,
      epochCount: r.epochs.length,
      epochs: r.epochs.join(", "),
      jurors: a.jurors,
      reviews: a.reviews,
    }),
    t.t(METHOD[r.method]),
  ].join("\n");
}

/** The policy fields of a policy proposal's post and `/proposal show`. */
export function policyProposalFields(t: Translator, f: PolicyProposalFacts, token: Token): APIEmbedField[] {
  const fields: APIEmbedField[] = [
    {
      name: t.t("policy.change.fieldName", { version: f.baseVersion }),
      value: clip(f.diff.map((d) => diffText(t, d, token)).join("\n")),
    },
    { name: t.t("policy.rescored.fieldName"), value: clip(rescoringText(t, f.rescoring, f.baseVersion)) },
  ];
  fields.push({
    name: t.t("policy.takesEffect.fieldName"),
    value:
      f.adoptedVersion !== null && f.effectiveFromEpoch !== null
        ? t.t("policy.takesEffect.adopted", { version: f.adoptedVersion, epoch: f.effectiveFromEpoch })
        : t.t("policy.takesEffect.ifPassed"),
  });
  return fields;
}

/** The private reply to `/policy propose`. */
export function policyProposedText(
  t: Translator,
  o: { proposal: { id: number }; baseVersion: number; diff: PolicyDiff[]; rescoring: PolicyRescoring },
  token: Token,
): string {
  return [
    t.t("policy.proposed", { id: o.proposal.id, diff: o.diff.map((d) => diffText(t, d, token)).join("; ") }),
    rescoringText(t, o.rescoring, o.baseVersion),
    t.t("policy.proposedNext"),
  ].join("\n");
}

/** `/policy show`. */
export function policyStatusView(t: Translator, s: PolicyStatus, token: Token): { embeds: APIEmbed[] } {
  const a = s.active;
  const c = a.content;
  const source = a.adoptedBy
    ? t.t("policy.status.adoptedBy", { id: a.adoptedBy.proposalId, epoch: a.adoptedBy.effectiveFromEpoch })
    : t.t("policy.status.fromConfiguration");
  const fields: APIEmbedField[] = [
    {
      name:
        a.version !== null
          ? t.t("policy.status.active.fieldName", { version: a.version, epoch: s.epochNumber })
          : t.t("policy.status.activeUnrecorded.fieldName", { epoch: s.epochNumber }),
      value: clip(
        [
          t.t("policy.status.source", { source }),
          t.t("policy.status.weights", { weights: c.rubric.criteria.map((x) => `${x.name}=${x.weight}`).join(", ") }),
          t.t("policy.status.cap", { cap: tokenAmountIn(t, c.caps.maxPerContribution, token) }),
          t.t("policy.status.evaluator", {
            kind: c.evaluator.kind,
            model: userLine(c.evaluator.model, 100),
            prompt: userLine(c.evaluator.promptVersion, 100),
          }),
        ].join("\n"),
      ),
    },
  ];
  // The evidence each category is judged by: part of the policy voted on (none in one recorded before them).
  fields.push(...categoryCriteriaFields(t, c.rubric.categoryCriteria, (x) => criterionName(t, x)));
  if (s.configDiffers.length > 0)
    fields.push({
      name: t.t("policy.status.configDiffers.fieldName"),
      value: clip(
        t.t("policy.status.configDiffers", {
          differences: s.configDiffers.map((d) => configText(t, d, token)).join("; "),
        }),
      ),
    });
  if (s.upcoming.length > 0)
    fields.push({
      name: t.t("policy.status.upcoming.fieldName"),
      value: clip(
        s.upcoming
          .map((u) =>
            t.t("policy.status.upcoming", { version: u.version, id: u.proposalId, epoch: u.effectiveFromEpoch }),
          )
          .join("\n"),
      ),
    });
  fields.push({
    name: t.t("policy.status.candidates.fieldName"),
    value:
      s.pending.length === 0
        ? t.t("policy.status.noCandidates")
        : clip(
            s.pending
              .map((p) =>
                p.status === "open" && p.endsAt
                  ? t.t("policy.status.candidateOpen", { id: p.proposalId, ends: ts(p.endsAt) })
                  : t.t("policy.status.candidateDraft", { id: p.proposalId }),
              )
              .join("\n"),
          ),
  });
  fields.push({
    name: t.t("policy.status.versions.fieldName"),
    value: clip(
      s.versions
        .map((v) =>
          v.jury
            ? t.t("policy.status.versionJury", {
                version: v.version,
                evaluations: v.evaluations,
                agreement: agreementText(t, v.jury),
                items: v.jury.items,
              })
            : t.t("policy.status.versionNoJury", { version: v.version, evaluations: v.evaluations }),
        )
        .join("\n") || t.t("policy.status.noVersions"),
    ),
  });
  return { embeds: [{ title: t.t("policy.status.embedTitle"), fields: fields.slice(0, 25) }] };
}
