import type { APIEmbedField } from "discord-api-types/v10";
import type { EvaluationExplanation, RationaleFact, RubricFact } from "../../base/evaluationExplanation.ts";
import type { EvidenceKind } from "../../base/evidenceKinds.ts";
import type { Translator } from "../../i18n/translator.ts";
import { type CategoryCriterion, EVIDENCE_DESCRIPTIONS } from "../../llm/categoryEvidence.ts";
import type { NewcomerAdvice } from "../../services/evaluations/newcomerAdvice.ts";
import { categoryName } from "./categoryName.ts";
import { userLine } from "./userText.ts";

/** A DAO's own description of a piece of evidence is at most this long (loadRubric): 8 of them fit in a field. */
const DESCRIPTION_MAX = 100;

const clip = (s: string, max = 1024) => (s.length > max ? `${s.slice(0, max - 1)}…` : s);

/**
 * An expected piece of evidence: in the reader's language when the words are Steward's, as written when a DAO's
 * RUBRIC_FILE wrote its own description.
 */
export function evidenceText(
  t: Translator,
  c: Pick<CategoryCriterion, "evidence" | "description">,
  max = DESCRIPTION_MAX,
): string {
  return c.description === EVIDENCE_DESCRIPTIONS[c.evidence]
    ? t.t("explain.evidenceName", { evidence: c.evidence })
    : userLine(c.description, max);
}

/** One rubric fact in the reader's language. */
function factText(t: Translator, f: RubricFact, describe: (kind: EvidenceKind) => string): string {
  switch (f.kind) {
    case "links":
      return f.kinds.length > 0
        ? t.t("explain.linksWithKinds", {
            count: f.count,
            kinds: t.list(f.kinds.map((kind) => t.t("explain.linkKind", { kind }))),
          })
        : t.t("explain.links", { count: f.count });
    case "github": {
      const parts = [
        f.approvers.length > 0
          ? t.t("explain.github.approved", {
              merged: f.merged,
              // Five by name at most: the rest counted, so a reason always fits its field.
              approvers: t.list([
                ...f.approvers.slice(0, 5).map((a) => `@${userLine(a, 40)}`),
                ...(f.approvers.length > 5 ? [`+${f.approvers.length - 5}`] : []),
              ]),
            })
          : t.t(f.mergedByOther ? "explain.github.mergedByOther" : "explain.github.noReview", { merged: f.merged }),
      ];
      if (f.selfMerged > 0) parts.push(t.t("explain.github.selfMerged", { count: f.selfMerged }));
      if (f.reverted > 0) parts.push(t.t("explain.github.reverted", { count: f.reverted }));
      if (f.trivial) parts.push(t.t("explain.github.trivial"));
      return parts.join(t.t("explain.separator"));
    }
    case "refused":
      return t.t("explain.refused", { count: f.count });
    case "duplicate":
      return t.t("explain.duplicate");
    case "length": {
      const chars = t.t("explain.length", { chars: f.chars, language: f.language });
      // As the stored reason says it: under the target, however close the credit rounds to 100 %.
      return f.chars < f.target
        ? `${chars}${t.t("explain.comma")}${t.t("explain.lengthShort", { target: f.target, percent: t.number(f.percent / 100, { style: "percent" }) })}`
        : chars;
    }
    case "verifiedLines": {
      const lines = t.t("explain.verifiedLines", { lines: f.lines });
      return f.apart > 0
        ? `${lines}${t.t("explain.separator")}${t.t("explain.verifiedApart", { apart: f.apart })}`
        : lines;
    }
    case "fromEvidence":
      return t.t("explain.fromEvidence");
    case "hours":
      return t.t(f.unbacked ? "explain.hoursUnbacked" : "explain.hours", { hours: f.hours });
    case "track":
      return t.t("explain.track", { category: categoryName(t, f.category), earlier: f.earlier });
    case "unmeasured":
      return t.t("explain.unmeasured");
    case "evidence": {
      // What is missing, else what was found: the field beside lists each piece, found or not, in full.
      const category = categoryName(t, f.category);
      if (f.missing.length > 0)
        return t.t("explain.evidenceMissing", { category, list: t.list(f.missing.map(describe)) });
      return f.present.length > 0
        ? t.t("explain.evidenceFound", { category, list: t.list(f.present.map(describe)) })
        : "";
    }
  }
}

/**
 * A criterion's reason from the rubric evaluator's facts, in the reader's language. Evidence is named by Steward's
 * short name here; a DAO's own description of it is shown whole, as written, in the list of what the category expects.
 */
export function criterionReason(t: Translator, facts: RubricFact[]): string {
  const describe = (evidence: EvidenceKind) => t.t("explain.evidenceName", { evidence });
  return clip(
    facts
      .map((f) => factText(t, f, describe))
      .filter(Boolean)
      .join(t.t("explain.separator")),
  );
}

function rationaleLine(t: Translator, f: RationaleFact): string {
  switch (f.kind) {
    case "similar":
      return t.t("explain.rationale.similar", {
        percent: t.number(f.percent / 100, { style: "percent" }),
        id: String(f.contributionId),
      });
    case "claimed":
      return t.t("explain.rationale.claimed", { ids: t.list(f.contributionIds.map((id) => `#${id}`)) });
    case "injection":
      return t.t("explain.rationale.injection", { signals: userLine(f.signals.join(", "), 300) });
    case "stuffed":
      return t.t("explain.rationale.stuffed");
    case "lowEvidence":
      return t.t("explain.rationale.lowEvidence");
  }
}

/** The rubric evaluator's rationale from its facts (the per-criterion reasons are in the fields beside it). */
export function rationaleText(t: Translator, facts: RationaleFact[], fellBack: boolean): string {
  return [
    t.t("explain.rationale.intro"),
    ...facts.map((f) => rationaleLine(t, f)),
    ...(fellBack ? [t.t("explain.rationale.fallback")] : []),
  ].join(" ");
}

/** The evidence the contribution's category is judged by, each marked found (✓) or not (✗). */
export function expectedEvidenceField(t: Translator, explanation: EvaluationExplanation): APIEmbedField {
  return {
    name: t.t("explain.expected.fieldName", { category: categoryName(t, explanation.category) }),
    value: clip(explanation.evidence.map((e) => `${e.present ? "✓" : "✗"} ${evidenceText(t, e)}`).join("\n")),
    inline: false,
  };
}

/**
 * What would have scored higher, for a newcomer's first evaluation: a welcome, then a field per low criterion with the
 * evidence its category expected and an example of each.
 */
export function newcomerAdviceFields(
  t: Translator,
  advice: NewcomerAdvice,
  criterionName: (criterion: string) => string,
): APIEmbedField[] {
  return [
    { name: t.t("explain.advice.fieldName"), value: t.t("explain.advice.intro"), inline: false },
    ...advice.criteria.map((c) => ({
      name: t.t("explain.advice.criterionFieldName", {
        criterion: criterionName(c.criterion),
        score: t.number(c.score, { maximumFractionDigits: 1 }),
      }),
      value: clip(
        c.missing
          .map((m) =>
            t.t("explain.advice.item", {
              evidence: evidenceText(t, m),
              example: t.t("explain.example", { evidence: m.evidence }),
            }),
          )
          .join("\n"),
      ),
      inline: false,
    })),
  ];
}

/** `/policy show`: the evidence each category is judged by (a field each), or that the policy predates them. */
export function categoryCriteriaFields(
  t: Translator,
  criteria: Record<string, CategoryCriterion[]> | undefined,
  criterionName: (criterion: string) => string,
): APIEmbedField[] {
  const entries = Object.entries(criteria ?? {}).filter(([, list]) => list.length > 0);
  if (entries.length === 0) return [{ name: t.t("explain.policy.fieldName"), value: t.t("explain.policy.none") }];
  return entries.slice(0, 12).map(([category, list]) => ({
    name: t.t("explain.policy.categoryFieldName", { category: categoryName(t, userLine(category, 40)) }),
    value: clip(
      list
        .map((c) =>
          t.t("explain.policy.item", {
            evidence: evidenceText(t, c),
            criterion: criterionName(userLine(c.criterion, 40)),
          }),
        )
        .join("\n"),
    ),
    inline: false,
  }));
}
