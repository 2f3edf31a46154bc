import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import { type Token, tokenAmountText } from "../../base/token.ts";
import { readEvaluationScores } from "../../db/json/evaluationScores.ts";
import { readGithubFacts } from "../../db/json/githubFacts.ts";
import type { Contribution, Evaluation } from "../../generated/prisma/client.ts";
import { githubFactLine } from "./githubFactsView.ts";
import { userLine, userText } from "./userText.ts";

const flagText: Record<string, string> = {
  possible_duplicate: "possible duplicate",
  low_evidence: "low evidence",
  prompt_injection_suspected: "instructions to the evaluator found in the text",
  needs_human: "needs a human look",
  possible_duplicate_claim: "a link already claimed by another contribution",
  keyword_stuffing: "stuffed with words that describe a score",
  jury_disagrees: "the blind jury scored it far from the model",
  not_authors_work: "a pull request someone else authored: it earns nothing here",
  reverted: "a pull request reverted later: a person looks before it pays",
  self_merged: "merged by its author in a repository only they control: paid at most as unreviewed work",
  split_work: "one piece of work split into several pull requests and contributions: a person looks before it pays",
};

export function evaluationEmbed(
  e: Evaluation,
  c: Pick<Contribution, "id" | "title"> & { status?: string },
  token: Token,
): APIEmbed {
  const overridden = e.purpose === "override";
  // An override sets the total and reward as a whole: the evaluator's per-criterion scores no longer add up to it.
  const scores = overridden ? [] : readEvaluationScores(e);
  const fields = scores.map((s) => ({
    name: `${s.criterion} — ${s.score}/10 (weight ${Math.round(s.weight * 100)}%)`,
    value: userText(s.reason, 1024),
    inline: false,
  }));
  if (overridden) {
    fields.push({
      name: "Set by a moderator",
      value: `<@${e.reviewedBy ?? "?"}> set the total and the reward; the evaluator's scores are kept in the audit log.`,
      inline: false,
    });
  }
  const withdrawn = c.status === "withdrawn";
  fields.push(
    { name: "Total", value: `${e.total}/100`, inline: true },
    {
      name: "Suggested reward",
      value: withdrawn
        ? `none: the contribution was withdrawn (it was ${tokenAmountText(e.suggestedReward, token)})`
        : tokenAmountText(e.suggestedReward, token),
      inline: true,
    },
    { name: "Confidence", value: `${Math.round(e.confidence * 100)}%`, inline: true },
  );
  if (e.evidence.length > 0) {
    fields.push({
      name: "Evidence",
      value: e.evidence
        .map((q) => `> ${userLine(q, 300)}`)
        .join("\n")
        .slice(0, 1024),
      inline: false,
    });
  }
  const facts = readGithubFacts(e);
  if (facts && facts.length > 0) {
    fields.push({
      name: "Checked on GitHub",
      value: facts.map(githubFactLine).join("\n").slice(0, 1024),
      inline: false,
    });
  }
  if (e.flags.length > 0) {
    fields.push({ name: "Flags", value: e.flags.map((f) => `⚠ ${flagText[f] ?? f}`).join("\n"), inline: false });
  }
  const kind =
    e.purpose === "appeal" ? "Appeal review" : e.purpose === "override" ? "Moderator's evaluation" : "Evaluation";
  return {
    title: `${kind} of #${c.id} · ${userLine(c.title, 180)}${withdrawn ? " (withdrawn)" : ""}`,
    description: userText(e.rationale),
    color: e.flags.includes("needs_human") ? 0xfee75c : 0x57f287,
    fields: fields.slice(0, 25),
    footer: { text: `evaluated by ${e.model} · rubric v${e.rubricVersion}` },
    timestamp: e.createdAt.toISOString(),
  };
}

export const APPEAL_BUTTON_PREFIX = "appeal";

export function appealView(
  a: { id: number; reason: string; authorDiscordId: string },
  c: Pick<Contribution, "id" | "title">,
  original: Evaluation,
  second: Evaluation | null,
  token: Token,
) {
  const embeds: APIEmbed[] = [
    {
      title: `Appeal #${a.id} of the evaluation of #${c.id}`.slice(0, 256),
      description: userText(a.reason),
      color: 0xeb459e,
      fields: [
        { name: "By", value: `<@${a.authorDiscordId}>`, inline: true },
        {
          name: "First pass",
          value: `${original.total}/100 · ${tokenAmountText(original.suggestedReward, token)}`,
          inline: true,
        },
        ...(second
          ? [
              {
                name: "Second pass",
                value: `${second.total}/100 · ${tokenAmountText(second.suggestedReward, token)}`,
                inline: true,
              },
            ]
          : []),
      ],
      footer: { text: "Moderators: Accept makes the second pass the evaluation that counts; Reject keeps the first." },
    },
  ];
  if (second) embeds.push(evaluationEmbed(second, c, token));
  return {
    embeds,
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            label: "Accept",
            custom_id: `${APPEAL_BUTTON_PREFIX}:accept:${a.id}`,
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Danger,
            label: "Reject",
            custom_id: `${APPEAL_BUTTON_PREFIX}:reject:${a.id}`,
          },
        ],
      },
    ] satisfies APIActionRowComponent<APIButtonComponent>[],
  };
}

/** What an appeal's post says once a moderator decided it. */
export const appealOutcome = (appealId: number, status: string, moderatorId: string) =>
  status === "accepted"
    ? `Appeal #${appealId} accepted by <@${moderatorId}>: the second pass is now the evaluation that counts.`
    : `Appeal #${appealId} rejected by <@${moderatorId}>: the first evaluation stands.`;
