import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import type { ProposalContent } from "../../llm/proposalSchema.ts";
import { budgetText } from "../../services/proposals/proposalDrafts.ts";
import { decimalText } from "./governanceFormat.ts";
import { textInputRow } from "./textInputRow.ts";
import { userLine, userText } from "./userText.ts";

export const PROPOSAL_BUTTON_PREFIX = "proposal";
export const PROPOSAL_MODAL_PREFIX = "proposal-edit";

function proposalFields(t: Translator, c: ProposalContent, symbol: string) {
  return [
    { name: t.t("proposal.motivation.fieldName"), value: userText(c.motivation, 1024) },
    { name: t.t("proposal.specification.fieldName"), value: userText(c.specification, 1024) },
    {
      name: t.t("proposal.budget.fieldName"),
      value: c.budget
        ? t.t("proposal.draft.budget", {
            amount: decimalText(t, c.budget.amount),
            symbol,
            recipient: c.budget.recipient,
          })
        : t.t("proposal.none"),
    },
    { name: t.t("proposal.risks.fieldName"), value: userText(c.risks, 1024) },
    { name: t.t("proposal.successMetrics.fieldName"), value: userText(c.successMetrics, 1024) },
  ];
}

export function proposalDraftView(t: Translator, draftId: number, c: ProposalContent, drafter: string, symbol: string) {
  const embed: APIEmbed = {
    title: userLine(c.title),
    description: userText(c.summary),
    color: 0x5865f2,
    fields: proposalFields(t, c, symbol),
    footer: {
      text: t.t("proposal.draft.footer", { id: draftId, drafter: drafter === "llm" ? "llm" : "template" }),
    },
  };
  const button = (
    label: string,
    action: string,
    style: ButtonStyle.Secondary | ButtonStyle.Success | ButtonStyle.Danger,
  ): APIButtonComponent => ({
    type: ComponentType.Button,
    style,
    label,
    custom_id: `${PROPOSAL_BUTTON_PREFIX}:${action}:${draftId}`,
  });
  const row: APIActionRowComponent<APIButtonComponent> = {
    type: ComponentType.ActionRow,
    components: [
      button(t.t("proposal.draft.edit.button"), "edit", ButtonStyle.Secondary),
      button(t.t("proposal.draft.submit.button"), "submit", ButtonStyle.Success),
      button(t.t("proposal.draft.cancel.button"), "cancel", ButtonStyle.Danger),
    ],
  };
  return {
    content: t.t("proposal.draft.intro"),
    embeds: [embed],
    components: [row],
  };
}

export function proposalEditModal(
  t: Translator,
  draftId: number,
  c: ProposalContent,
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${PROPOSAL_MODAL_PREFIX}:${draftId}`,
    title: t.t("proposal.edit.modalTitle", { id: draftId }),
    components: [
      textInputRow("title", t.t("proposal.edit.title.inputLabel"), c.title, 100, false),
      textInputRow("summary", t.t("proposal.edit.summary.inputLabel"), c.summary, 1000, true),
      textInputRow("motivation", t.t("proposal.edit.motivation.inputLabel"), c.motivation, 1500, true),
      textInputRow("specification", t.t("proposal.edit.specification.inputLabel"), c.specification, 3000, true),
      textInputRow("budget", t.t("proposal.edit.budget.inputLabel"), budgetText(c.budget), 100, false, false),
    ],
  };
}
