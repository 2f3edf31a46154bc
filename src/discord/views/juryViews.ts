import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import type { BlindItem } from "../../services/calibration/nextJuryItem.ts";
import { textInputRow } from "./textInputRow.ts";
import { evidenceLink, userLine, userText } from "./userText.ts";

export const JURY_BUTTON_PREFIX = "jury";
export const JURY_MODAL_PREFIX = "jury-score";
/** A modal holds at most five fields: a rubric with more criteria is scored in more than one form (not yet). */
export const MAX_MODAL_CRITERIA = 5;

/** The next item, blind: the work and its evidence, never its author, its id or the model's scores. */
export function juryItemView(
  t: Translator,
  next: { item: BlindItem; remaining: number; epochNumber: number },
): {
  embeds: APIEmbed[];
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  const { item } = next;
  const fields = [{ name: t.t("jury.item.category.fieldName"), value: item.category, inline: true }];
  if (item.hours !== null) fields.push({ name: t.t("jury.item.hours.fieldName"), value: item.hours, inline: true });
  if (item.links.length > 0) {
    fields.push({
      name: t.t("jury.item.evidence.fieldName"),
      value: item.links.map((l) => `• ${evidenceLink(l)}`).join("\n"),
      inline: false,
    });
  }
  fields.push({
    name: t.t("jury.item.criteria.fieldName"),
    value: item.criteria.map((c) => `**${c.name}**: ${c.description}`).join("\n"),
    inline: false,
  });
  return {
    embeds: [
      {
        title: t.t("jury.item.embedTitle", { id: item.itemId, title: userLine(item.title, 200) }),
        description: userText(item.description),
        color: 0x9b59b6,
        fields,
        footer: {
          text: t.t("jury.item.footer", { epoch: next.epochNumber, count: next.remaining }),
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
            label: t.t("jury.item.score.button"),
          },
        ],
      },
    ],
  };
}

/** Nothing left for this juror. */
export function juryNothingText(t: Translator, o: { sampled: number; epochNumber: number }): string {
  return o.sampled === 0
    ? t.t("jury.nothing.noSample", { epoch: o.epochNumber })
    : t.t("jury.nothing.done", { epoch: o.epochNumber, sampled: o.sampled });
}

/** One field per criterion, a whole number from 0 to 10. */
export function juryScoreModal(
  t: Translator,
  itemId: number,
  criteria: readonly string[],
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${JURY_MODAL_PREFIX}:${itemId}`,
    title: t.t("jury.score.modalTitle", { id: itemId }),
    components: criteria
      .slice(0, MAX_MODAL_CRITERIA)
      .map((name) =>
        textInputRow(name, t.t("jury.score.criterion.inputLabel", { criterion: name }).slice(0, 45), "", 2, false),
      ),
  };
}

/** What the juror is told once their scores are recorded. */
export function juryRecordedText(
  t: Translator,
  itemId: number,
  scores: { criterion: string; score: number }[],
): string {
  return t.t("jury.recorded", {
    id: itemId,
    scores: scores.map((s) => `${s.criterion} ${s.score}`).join(", "),
  });
}
