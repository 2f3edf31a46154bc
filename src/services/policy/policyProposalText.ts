import type { PolicyDiff } from "./parsePolicyChange.ts";

const LABEL = {
  maxPerContribution: "cap per contribution (smallest units)",
  model: "model",
  promptVersion: "prompt version",
  evaluator: "evaluator",
} as const;

export function diffLine(d: PolicyDiff): string {
  if (d.field === "weight") return `${d.criterion} weight ${d.from} → ${d.to}`;
  if (d.field === "categoryCriteria") return `evidence expected per category changed: ${d.categories.join(", ")}`;
  return `${LABEL[d.field]} ${d.from} → ${d.to}`;
}

/**
 * A policy proposal's stored text (what the proposal record and the audit trail keep in words): the change, and
 * when it would apply. The post renders the diff and the re-scored agreement from the stored facts.
 */
export function policyProposalText(baseVersion: number, diff: PolicyDiff[], reason: string | null) {
  const changes = diff.map(diffLine);
  return {
    title: `Evaluation policy: change v${baseVersion} (${changes.length} change${changes.length === 1 ? "" : "s"})`,
    summary:
      `Changes the evaluation policy v${baseVersion}: ${changes.join("; ")}. If the vote passes, evaluations follow it from the next epoch on; this one keeps v${baseVersion}.`.slice(
        0,
        1000,
      ),
    motivation: reason ?? "No reason given.",
    specification: changes.join("\n").slice(0, 3000),
    risks: "Rewards of later epochs change with the weights and caps; the re-scored agreement shows the jury's view.",
    successMetrics: "The jury's agreement with the evaluations made under it, on the transparency page.",
  };
}
