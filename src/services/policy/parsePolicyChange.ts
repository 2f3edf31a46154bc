import { canonicalJson } from "../audit/canonicalJson.ts";
import { UserError } from "../errors.ts";
import type { EvaluationPolicyContent } from "../evaluations/evaluationPolicy.ts";

/** What `/policy propose` may change, as the member typed it. */
export interface PolicyChangeInput {
  weights?: string | undefined;
  /** MAX_REWARD_PER_CONTRIBUTION of the candidate, already in the token's smallest unit. */
  maxPerContribution?: bigint | undefined;
  model?: string | undefined;
  promptVersion?: string | undefined;
}

/** How far from 1 the weights may sum: three decimals typed by a person, e.g. 0.333 × 3. */
export const WEIGHT_SUM_TOLERANCE = 0.005;
const MAX_MODEL_LENGTH = 100;

/**
 * "impact=0.4,effort=0.3,quality=0.3": every criterion of the active rubric, each once, each weight positive, the
 * sum 1 within WEIGHT_SUM_TOLERANCE (weights are shares of the score: a sum of 2 would mean something else to each
 * reader). Spaces and `;` separators are accepted; names compare case-insensitively.
 */
export function parseWeights(text: string, criteria: readonly { name: string }[]): Record<string, number> {
  const known = criteria.map((c) => c.name);
  const out: Record<string, number> = {};
  const parts = text
    .split(/[,;]/)
    .map((p) => p.trim())
    .filter(Boolean);
  if (parts.length === 0) throw new UserError("invalid_policy_change", { problem: "weights_empty", known });
  for (const part of parts) {
    const m = /^([\p{L}\p{N}_-]+)\s*[=:]\s*([0-9]*\.?[0-9]+)$/u.exec(part);
    if (!m) throw new UserError("invalid_policy_change", { problem: "weights_format", detail: part, known });
    const name = known.find((k) => k.toLowerCase() === (m[1] as string).toLowerCase());
    if (!name) throw new UserError("invalid_policy_change", { problem: "unknown_criterion", detail: m[1], known });
    if (name in out)
      throw new UserError("invalid_policy_change", { problem: "duplicate_criterion", detail: name, known });
    const weight = Number(m[2]);
    if (!(weight > 0))
      throw new UserError("invalid_policy_change", { problem: "weight_not_positive", detail: name, known });
    out[name] = weight;
  }
  const missing = known.filter((k) => !(k in out));
  if (missing.length > 0)
    throw new UserError("invalid_policy_change", { problem: "missing_criterion", detail: missing.join(", "), known });
  const sum = Object.values(out).reduce((n, w) => n + w, 0);
  if (Math.abs(sum - 1) > WEIGHT_SUM_TOLERANCE)
    throw new UserError("invalid_policy_change", {
      problem: "weights_sum",
      detail: String(Math.round(sum * 1000) / 1000),
      known,
    });
  return out;
}

/**
 * The candidate: the active content with the requested changes applied. The rubric's version goes up when its
 * weights change (a rubric change bumps its version). Refuses a prompt version Steward does not have, an empty
 * model name, a cap of 0, and a candidate identical to the active policy.
 */
export function candidatePolicy(
  active: EvaluationPolicyContent,
  change: PolicyChangeInput,
  promptVersions: readonly string[],
): EvaluationPolicyContent {
  const candidate: EvaluationPolicyContent = structuredClone(active);
  const known = active.rubric.criteria.map((c) => c.name);
  if (change.weights !== undefined) {
    const weights = parseWeights(change.weights, active.rubric.criteria);
    candidate.rubric.criteria = active.rubric.criteria.map((c) => ({ ...c, weight: weights[c.name] as number }));
    if (active.rubric.criteria.some((c) => weights[c.name] !== c.weight))
      candidate.rubric.version = active.rubric.version + 1;
  }
  if (change.maxPerContribution !== undefined) {
    if (change.maxPerContribution <= 0n) throw new UserError("invalid_policy_change", { problem: "cap_zero", known });
    candidate.caps.maxPerContribution = change.maxPerContribution.toString();
  }
  // The offline rubric evaluator has no model or prompt: a vote on them would change nothing it does.
  if ((change.model !== undefined || change.promptVersion !== undefined) && active.evaluator.kind !== "llm")
    throw new UserError("invalid_policy_change", { problem: "no_llm", known });
  if (change.model !== undefined) {
    const model = change.model.trim();
    // Model names are identifiers (gpt-4o-mini, meta-llama/Llama-3-70b, qwen2.5:7b): nothing else is shown in public.
    if (model.length > MAX_MODEL_LENGTH || !/^[A-Za-z0-9][A-Za-z0-9._:/@-]*$/.test(model))
      throw new UserError("invalid_policy_change", { problem: "model_name", detail: model.slice(0, 40), known });
    candidate.evaluator.model = model;
  }
  if (change.promptVersion !== undefined) {
    const version = change.promptVersion.trim();
    if (!promptVersions.includes(version))
      throw new UserError("invalid_policy_change", {
        problem: "prompt_version",
        detail: version.slice(0, 60),
        known: [...promptVersions],
      });
    candidate.evaluator.promptVersion = version;
  }
  if (JSON.stringify(candidate) === JSON.stringify(active))
    throw new UserError("invalid_policy_change", { problem: "no_change", known });
  return candidate;
}

/** One line of a policy diff: what changed, old → new. */
export type PolicyDiff =
  | { field: "weight"; criterion: string; from: number; to: number }
  | { field: "maxPerContribution" | "model" | "promptVersion" | "evaluator"; from: string; to: string }
  /** The categories whose expected evidence differs (one side listing none for a category counts). */
  | { field: "categoryCriteria"; categories: string[] };

export function policyDiff(from: EvaluationPolicyContent, to: EvaluationPolicyContent): PolicyDiff[] {
  const out: PolicyDiff[] = [];
  for (const c of to.rubric.criteria) {
    const was = from.rubric.criteria.find((x) => x.name === c.name)?.weight ?? 0;
    if (was !== c.weight) out.push({ field: "weight", criterion: c.name, from: was, to: c.weight });
  }
  const plain = [
    ["maxPerContribution", from.caps.maxPerContribution, to.caps.maxPerContribution],
    ["evaluator", from.evaluator.kind, to.evaluator.kind],
    ["model", from.evaluator.model, to.evaluator.model],
    ["promptVersion", from.evaluator.promptVersion, to.evaluator.promptVersion],
  ] as const;
  for (const [field, a, b] of plain) if (a !== b) out.push({ field, from: a, to: b });
  const a = from.rubric.categoryCriteria ?? {};
  const b = to.rubric.categoryCriteria ?? {};
  const categories = [...new Set([...Object.keys(a), ...Object.keys(b)])]
    .filter((k) => canonicalJson(a[k] ?? []) !== canonicalJson(b[k] ?? []))
    .sort();
  if (categories.length > 0) out.push({ field: "categoryCriteria", categories });
  return out;
}
