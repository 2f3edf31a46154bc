import { ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { Choice } from "../../services/votes/tally.ts";
import { MAX_POINTS, POINTS_PREFIX, type Proposal, RANK_PREFIX, type Row, VOTE_PREFIX } from "./governanceFormat.ts";
import { userLabel, userLine } from "./userText.ts";

/** Ballots: buttons, selects and the private ranking and points flows, and how a vote reads back. */
export function ballot(p: Proposal): Row[] {
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
            button(`${VOTE_PREFIX}:${id}:1`, "For", ButtonStyle.Success),
            button(`${VOTE_PREFIX}:${id}:2`, "Against", ButtonStyle.Danger),
            button(`${VOTE_PREFIX}:${id}:3`, "Abstain", ButtonStyle.Secondary),
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
              placeholder: "Approve any number of choices",
              min_values: 0,
              max_values: p.choices.length,
              options: p.choices.map((c, i) => ({ label: userLabel(c), value: String(i + 1) })),
            },
          ],
        },
      ];
    case "ranked_choice":
      return [{ type: ComponentType.ActionRow, components: [rankSelect(p, [])] }];
    case "weighted":
    case "quadratic":
      return [
        {
          type: ComponentType.ActionRow,
          components: [button(`${POINTS_PREFIX}:${id}:`, "Spread your points", ButtonStyle.Primary)],
        },
      ];
    default:
      return [];
  }
}

/** The select for the next rank: the choices not ranked yet. */
export function rankSelect(p: Pick<Proposal, "id" | "choices">, ranked: number[]) {
  const position = ranked.length + 1;
  const ordinal = ["1st", "2nd", "3rd"][position - 1] ?? `${position}th`;
  return {
    type: ComponentType.StringSelect,
    custom_id: `${RANK_PREFIX}:${p.id}:${ranked.join(",")}`,
    placeholder: `Pick your ${ordinal} choice`,
    min_values: 1,
    max_values: 1,
    options: p.choices
      .map((c, i) => ({ label: userLabel(c), value: String(i + 1) }))
      .filter((o) => !ranked.includes(Number(o.value))),
  } as const;
}

/** The select for the points of the next choice (weighted and quadratic). */
export function pointsSelect(p: Pick<Proposal, "id" | "choices">, given: number[]) {
  const choice = p.choices[given.length] ?? "";
  return {
    type: ComponentType.StringSelect,
    custom_id: `${POINTS_PREFIX}:${p.id}:${given.join(",")}`,
    placeholder: `Points for “${userLabel(choice, 60)}”`,
    min_values: 1,
    max_values: 1,
    options: Array.from({ length: MAX_POINTS + 1 }, (_, n) => ({
      label: `${n} point${n === 1 ? "" : "s"}`,
      value: String(n),
    })),
  } as const;
}

/** The proposal's message in #governance: what is decided, what is paid, how to vote, and the tally. */

export function describeChoice(choices: string[], choice: Choice): string {
  const label = (i: number) => userLine(choices[i - 1] ?? `choice ${i}`, 100);
  if (typeof choice === "number") return label(choice);
  if (Array.isArray(choice)) return choice.length === 0 ? "none of the choices" : choice.map(label).join(", ");
  return Object.entries(choice)
    .map(([i, n]) => `${label(Number(i))}: ${n} point${n === 1 ? "" : "s"}`)
    .join(", ");
}

/** A stored vote in words, rankings with their ordinals. */
export function describeVote(p: { votingType: string | null; choices: string[] }, choice: Choice): string {
  return p.votingType === "ranked_choice" && Array.isArray(choice)
    ? describeRanking(p.choices, choice)
    : describeChoice(p.choices, choice);
}

export function describeRanking(choices: string[], ranking: number[]): string {
  return ranking
    .map((c, i) => `${["1st", "2nd", "3rd"][i] ?? `${i + 1}th`} ${userLine(choices[c - 1] ?? String(c), 100)}`)
    .join(", ");
}

/** The result, posted as a reply to the proposal; for a payout awaiting approval, with the moderators' buttons. */
