import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { BlindItem } from "../../services/calibration/nextJuryItem.ts";
import { textInputRow } from "./textInputRow.ts";
import { evidenceLink, userLine, userText } from "./userText.ts";

export const JURY_BUTTON_PREFIX = "jury";
export const JURY_MODAL_PREFIX = "jury-score";
/** A modal holds at most five fields: a rubric with more criteria is scored in more than one form (not yet). */
export const MAX_MODAL_CRITERIA = 5;

/** The next item, blind: the work and its evidence, never its author, its id or the model's scores. */
export function juryItemView(next: { item: BlindItem; remaining: number; epochNumber: number }): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const { item } = next;
  const fields = [{ name: "Category", value: item.category, inline: true }];
  if (item.hours !== null) fields.push({ name: "Hours stated", value: item.hours, inline: true });
  if (item.links.length > 0) {
    fields.push({ name: "Evidence", value: item.links.map((l) => `• ${evidenceLink(l)}`).join("\n"), inline: false });
  }
  fields.push({
    name: "Score each from 0 to 10",
    value: item.criteria.map((c) => `**${c.name}**: ${c.description}`).join("\n"),
    inline: false,
  });
  return {
    embeds: [
      {
        title: `Jury item ${item.itemId} · ${userLine(item.title, 200)}`,
        description: userText(item.description),
        color: 0x9b59b6,
        fields,
        footer: {
          text: `Blind review for epoch ${next.epochNumber}: the author and the model's scores are hidden. ${next.remaining} item(s) left for you, this one included.`,
        },
      },
    ],
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Primary,
            custom_id: `${JURY_BUTTON_PREFIX}:score:${item.itemId}`,
            label: "Score it",
          },
        ],
      },
    ],
  };
}

/** Nothing left for this juror. */
export function juryNothingText(o: { sampled: number; epochNumber: number }): string {
  return o.sampled === 0
    ? `Nothing to review yet: epoch ${o.epochNumber} has no evaluated contributions to sample.`
    : `Nothing left for you in epoch ${o.epochNumber}'s sample of ${o.sampled}: you scored every item you may score (your own and those of anyone sharing a wallet with you are not shown). Thank you.`;
}

/** One field per criterion, a whole number from 0 to 10. */
export function juryScoreModal(itemId: number, criteria: readonly string[]): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${JURY_MODAL_PREFIX}:${itemId}`,
    title: `Score jury item ${itemId}`,
    components: criteria
      .slice(0, MAX_MODAL_CRITERIA)
      .map((name) => textInputRow(name, `${name} (0 to 10)`.slice(0, 45), "", 2, false)),
  };
}

/** What the juror is told once their scores are recorded. */
export function juryRecordedText(itemId: number, scores: { criterion: string; score: number }[]): string {
  return `Recorded your scores for jury item ${itemId}: ${scores.map((s) => `${s.criterion} ${s.score}`).join(", ")}. Use /jury next for the next one.`;
}
