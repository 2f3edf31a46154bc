import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import type { Choice } from "../../services/votes/tally.ts";
import {
  choiceNames,
  MAX_POINTS,
  POINTS_PREFIX,
  type Proposal,
  RANK_PREFIX,
  type Row,
  VOTE_PREFIX,
} from "./governanceFormat.ts";
import { userLabel, userLine } from "./userText.ts";

/** Ballots: buttons, selects and the private ranking and points flows, and how a vote reads back. */
export function ballot(t: Translator, p: Proposal): Row[] {
  const id = p.id;
  const button = (
    customId: string,
    label: string,
    style: ButtonStyle.Primary | ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  ) => ({ type: ComponentType.Button, custom_id: customId, label: userLabel(label, 80), style }) as const;
  switch (p.votingType) {
    case "basic":
      return [
        {
          type: ComponentType.ActionRow,
          components: [
            button(`${VOTE_PREFIX}:${id}:1`, t.t("ballot.for.button"), ButtonStyle.Success),
            button(`${VOTE_PREFIX}:${id}:2`, t.t("ballot.against.button"), ButtonStyle.Danger),
            button(`${VOTE_PREFIX}:${id}:3`, t.t("ballot.abstain.button"), ButtonStyle.Secondary),
          ],
        },
      ];
    case "single_choice": {
      const buttons = p.choices.map((c, i) => button(`${VOTE_PREFIX}:${id}:${i + 1}`, c, ButtonStyle.Primary));
      const rows: Row[] = [];
      for (let i = 0; i < buttons.length; i += 5)
        rows.push({ type: ComponentType.ActionRow, components: buttons.slice(i, i + 5) });
      return rows;
    }
    case "approval":
      return [
        {
          type: ComponentType.ActionRow,
          components: [
            {
              type: ComponentType.StringSelect,
              custom_id: `${VOTE_PREFIX}:${id}:approval`,
              placeholder: t.t("ballot.approval.placeholder"),
              min_values: 0,
              max_values: p.choices.length,
              options: p.choices.map((c, i) => ({ label: userLabel(c), value: String(i + 1) })),
            },
          ],
        },
      ];
    case "ranked_choice":
      return [{ type: ComponentType.ActionRow, components: [rankSelect(t, p, [])] }];
    case "weighted":
    case "quadratic":
      return [
        {
          type: ComponentType.ActionRow,
          components: [button(`${POINTS_PREFIX}:${id}:`, t.t("ballot.spreadPoints.button"), ButtonStyle.Primary)],
        },
      ];
    default:
      return [];
  }
}

/** The select for the next rank: the choices not ranked yet. */
export function rankSelect(t: Translator, p: Pick<Proposal, "id" | "choices">, ranked: number[]) {
  return {
    type: ComponentType.StringSelect,
    custom_id: `${RANK_PREFIX}:${p.id}:${ranked.join(",")}`,
    placeholder: t.t("ballot.rank.placeholder", { position: ranked.length + 1 }),
    min_values: 1,
    max_values: 1,
    options: p.choices
      .map((c, i) => ({ label: userLabel(c), value: String(i + 1) }))
      .filter((o) => !ranked.includes(Number(o.value))),
  } as const;
}

/** The select for the points of the next choice (weighted and quadratic). */
export function pointsSelect(t: Translator, p: Pick<Proposal, "id" | "choices">, given: number[]) {
  const choice = p.choices[given.length] ?? "";
  return {
    type: ComponentType.StringSelect,
    custom_id: `${POINTS_PREFIX}:${p.id}:${given.join(",")}`,
    placeholder: t.t("ballot.points.placeholder", { choice: userLabel(choice, 60) }),
    min_values: 1,
    max_values: 1,
    options: Array.from({ length: MAX_POINTS + 1 }, (_, n) => ({
      label: t.t("ballot.points.optionLabel", { count: n }),
      value: String(n),
    })),
  } as const;
}

/** The proposal's message in #governance: what is decided, what is paid, how to vote, and the tally. */

export function describeChoice(t: Translator, choices: string[], choice: Choice): string {
  const label = (i: number) => userLine(choices[i - 1] ?? t.t("ballot.choiceNumber", { n: i }), 100);
  if (typeof choice === "number") return label(choice);
  if (Array.isArray(choice)) return choice.length === 0 ? t.t("ballot.noneOfTheChoices") : choice.map(label).join(", ");
  return Object.entries(choice)
    .map(([i, n]) => t.t("ballot.choicePoints", { choice: label(Number(i)), count: n }))
    .join(", ");
}

/** A stored vote in words, rankings with their ordinals; a basic vote's For / Against / Abstain in the reader's words. */
export function describeVote(
  t: Translator,
  p: { votingType: string | null; choices: string[] },
  choice: Choice,
): string {
  const choices = choiceNames(t, p);
  return p.votingType === "ranked_choice" && Array.isArray(choice)
    ? describeRanking(t, choices, choice)
    : describeChoice(t, choices, choice);
}

export function describeRanking(t: Translator, choices: string[], ranking: number[]): string {
  return ranking
    .map((c, i) => t.t("ballot.ranked", { position: i + 1, choice: userLine(choices[c - 1] ?? String(c), 100) }))
    .join(", ");
}
