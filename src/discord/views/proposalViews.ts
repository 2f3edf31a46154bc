import {
  type APIActionRowComponent,
  type APIButtonComponent,
  type APIEmbed,
  type APIModalInteractionResponseCallbackData,
  ButtonStyle,
  ComponentType,
} from "discord-api-types/v10";
import type { ProposalContent } from "../../llm/proposalSchema.ts";
import { budgetText } from "../../services/proposals/proposalDrafts.ts";
import { textInputRow } from "./textInputRow.ts";
import { userLine, userText } from "./userText.ts";

export const PROPOSAL_BUTTON_PREFIX = "proposal";
export const PROPOSAL_MODAL_PREFIX = "proposal-edit";

function proposalFields(c: ProposalContent, symbol: string) {
  return [
    { name: "Motivation", value: userText(c.motivation, 1024) },
    { name: "Specification", value: userText(c.specification, 1024) },
    { name: "Budget request", value: c.budget ? `${c.budget.amount} ${symbol} to ${c.budget.recipient}` : "none" },
    { name: "Risks", value: userText(c.risks, 1024) },
    { name: "Success metrics", value: userText(c.successMetrics, 1024) },
  ];
}

export function proposalDraftView(draftId: number, c: ProposalContent, drafter: string, symbol: string) {
  const embed: APIEmbed = {
    title: userLine(c.title),
    description: userText(c.summary),
    color: 0x5865f2,
    fields: proposalFields(c, symbol),
    footer: {
      text: `Draft #${draftId} · drafted by ${drafter === "llm" ? "the AI agent" : "the offline template"} · only you see this`,
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
      button("Edit", "edit", ButtonStyle.Secondary),
      button("Submit", "submit", ButtonStyle.Success),
      button("Cancel", "cancel", ButtonStyle.Danger),
    ],
  };
  return {
    content: "Here is your proposal draft. Edit it if needed, then Submit it as a draft for the DAO, or Cancel.",
    embeds: [embed],
    components: [row],
  };
}

export function proposalEditModal(draftId: number, c: ProposalContent): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${PROPOSAL_MODAL_PREFIX}:${draftId}`,
    title: `Edit proposal draft #${draftId}`,
    components: [
      textInputRow("title", "Title", c.title, 100, false),
      textInputRow("summary", "Summary", c.summary, 1000, true),
      textInputRow("motivation", "Motivation", c.motivation, 1500, true),
      textInputRow("specification", "Specification", c.specification, 3000, true),
      textInputRow("budget", "Budget: amount and 0x recipient, or empty", budgetText(c.budget), 100, false, false),
    ],
  };
}
