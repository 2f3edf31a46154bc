import type { APIEmbed, APIEmbedField } from "discord-api-types/v10";
import { type Token, tokenAmountText } from "../../base/token.ts";
import type { Agreement } from "../../services/calibration/agreement.ts";
import type { PolicyDiff } from "../../services/policy/parsePolicyChange.ts";
import type { PolicyProposalFacts } from "../../services/policy/policyProposalFacts.ts";
import type { PolicyStatus } from "../../services/policy/policyStatus.ts";
import type { PolicyRescoring } from "../../services/policy/rescoreAgreement.ts";
import { clip, ts } from "./governanceFormat.ts";
import { userLine } from "./userText.ts";

const two = (n: number) => n.toFixed(2);

/** "impact weight 0.35 → 0.5", "cap per contribution 100 STEW → 50 STEW", "model gpt-4o-mini → gpt-4o". */
export function diffText(d: PolicyDiff, token: Token): string {
  switch (d.field) {
    case "weight":
      return `${d.criterion} weight ${d.from} → ${d.to}`;
    case "maxPerContribution":
      return `cap per contribution ${tokenAmountText(d.from, token)} → ${tokenAmountText(d.to, token)}`;
    case "model":
      return `model ${userLine(d.from, 100)} → ${userLine(d.to, 100)}`;
    case "promptVersion":
      return `prompt version ${d.from} → ${d.to}`;
    case "evaluator":
      return `evaluator ${d.from} → ${d.to}`;
  }
}

/** A value the configuration sets otherwise than the adopted policy: "impact weight 0.35 (adopted: 0.7)". */
function configText(d: PolicyDiff, token: Token): string {
  if (d.field === "weight") return `${d.criterion} weight ${d.to} (adopted: ${d.from})`;
  const [label, value, adopted] =
    d.field === "maxPerContribution"
      ? ["cap per contribution", tokenAmountText(d.to, token), tokenAmountText(d.from, token)]
      : [d.field === "promptVersion" ? "prompt version" : d.field, userLine(d.to, 100), userLine(d.from, 100)];
  return `${label} ${value} (adopted: ${adopted})`;
}

/** "0.80 (Spearman); mean difference 1.2 points" for one version on the re-scored items. */
export function agreementText(a: Agreement | null): string {
  if (!a) return "no jury-reviewed item yet";
  const rho =
    a.overall.spearman === null
      ? "not measurable (Spearman needs two items with different scores)"
      : `${two(a.overall.spearman)} (Spearman)`;
  const diff =
    a.overall.meanDifference === null ? "" : `; mean difference ${a.overall.meanDifference.toFixed(1)} points`;
  return `${rho}${diff}`;
}

const METHOD: Record<PolicyRescoring["method"], string> = {
  rubric_recomputed:
    "Re-scored without a model: the rubric evaluator scores each criterion the same under any weights, so each item's stored criterion scores, weighted by each version's weights, are exactly what each version gives it.",
  llm_reweighted:
    "Recomputed without calling the model: each item's stored criterion scores, weighted by each version's weights. The model saw the active weights in its prompt; under the candidate's its criterion scores may move a little.",
  llm_not_rerun:
    "Not re-run: the candidate changes the model or the prompt, and only calling it would measure that. Shown: the stored criterion scores under the candidate's weights; the first epoch under it measures the rest.",
};

/** The re-scored agreement in words, with its sample size and how it was obtained. */
export function rescoringText(r: PolicyRescoring, baseVersion: number): string {
  const a = r.active ?? r.candidate;
  if (!a) return "No jury sample has been reviewed yet: nothing to re-score. Members vote without a measurement.";
  const epochs = r.epochs.length === 1 ? `epoch ${r.epochs[0]}` : `epochs ${r.epochs.join(", ")}`;
  return [
    `Active v${baseVersion}: ${agreementText(r.active)}`,
    `Candidate: ${agreementText(r.candidate)}`,
    `On ${a.items} jury-reviewed item(s) of ${epochs}, ${a.jurors} juror(s), ${a.reviews} review(s).`,
    METHOD[r.method],
  ].join("\n");
}

/** The policy fields of a policy proposal's post and `/proposal show`. */
export function policyProposalFields(f: PolicyProposalFacts, token: Token): APIEmbedField[] {
  const fields: APIEmbedField[] = [
    { name: `Policy change (from v${f.baseVersion})`, value: clip(f.diff.map((d) => diffText(d, token)).join("\n")) },
    { name: "Re-scored agreement with the jury", value: clip(rescoringText(f.rescoring, f.baseVersion)) },
  ];
  fields.push({
    name: "Takes effect",
    value:
      f.adoptedVersion !== null && f.effectiveFromEpoch !== null
        ? `Adopted as policy v${f.adoptedVersion}: evaluations follow it from epoch ${f.effectiveFromEpoch} on. This epoch's keep their version.`
        : "If the vote passes: from the next epoch on. Evaluations of the current epoch keep their version.",
  });
  return fields;
}

/** The private reply to `/policy propose`. */
export function policyProposedText(
  o: { proposal: { id: number }; baseVersion: number; diff: PolicyDiff[]; rescoring: PolicyRescoring },
  token: Token,
): string {
  return [
    `Proposed as proposal #${o.proposal.id} (policy, draft): ${o.diff.map((d) => diffText(d, token)).join("; ")}.`,
    rescoringText(o.rescoring, o.baseVersion),
    "It is posted in the governance channel; a moderator opens its vote with /proposal open, and if it passes it applies from the next epoch.",
  ].join("\n");
}

/** `/policy show`. */
export function policyStatusView(s: PolicyStatus, token: Token): { embeds: APIEmbed[] } {
  const a = s.active;
  const c = a.content;
  const source = a.adoptedBy
    ? `adopted by proposal #${a.adoptedBy.proposalId}, in effect since epoch ${a.adoptedBy.effectiveFromEpoch}`
    : "the configuration's (no policy adopted by a vote)";
  const fields: APIEmbedField[] = [
    {
      name: `Active${a.version !== null ? ` v${a.version}` : " (recorded with its first evaluation)"} · epoch ${s.epochNumber}`,
      value: clip(
        [
          `Source: ${source}`,
          `Weights: ${c.rubric.criteria.map((x) => `${x.name}=${x.weight}`).join(", ")}`,
          `Cap per contribution: ${tokenAmountText(c.caps.maxPerContribution, token)}`,
          `Evaluator: ${c.evaluator.kind}, model ${userLine(c.evaluator.model, 100)}, prompt ${userLine(c.evaluator.promptVersion, 100)}`,
        ].join("\n"),
      ),
    },
  ];
  if (s.configDiffers.length > 0)
    fields.push({
      name: "The configuration differs",
      value: clip(
        `The adopted policy wins until a later vote. The configuration says: ${s.configDiffers.map((d) => configText(d, token)).join("; ")}.`,
      ),
    });
  if (s.upcoming.length > 0)
    fields.push({
      name: "Adopted, waiting for its epoch",
      value: clip(
        s.upcoming
          .map((u) => `v${u.version} (proposal #${u.proposalId}) from epoch ${u.effectiveFromEpoch}`)
          .join("\n"),
      ),
    });
  fields.push({
    name: "Candidates",
    value:
      s.pending.length === 0
        ? "None: propose one with /policy propose."
        : clip(
            s.pending
              .map(
                (p) =>
                  `Proposal #${p.proposalId}: ${p.status === "open" && p.endsAt ? `vote open, ends ${ts(p.endsAt)}` : "draft, waiting for a moderator to open its vote"}`,
              )
              .join("\n"),
          ),
  });
  fields.push({
    name: "Versions and the jury's agreement",
    value: clip(
      s.versions
        .map(
          (v) =>
            `v${v.version} (${v.evaluations} evaluation(s)): ${v.jury ? `${agreementText(v.jury)}, ${v.jury.items} item(s)` : "no jury-reviewed item yet"}`,
        )
        .join("\n") || "None recorded yet.",
    ),
  });
  return { embeds: [{ title: "Evaluation policy", fields: fields.slice(0, 25) }] };
}
