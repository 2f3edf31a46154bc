import type { APIEmbed, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { Contribution, Member } from "../../generated/prisma/client.ts";
import { pagerRows } from "./pagerRows.ts";
import { textInputRow } from "./textInputRow.ts";
import { evidenceLink, userLine, userText } from "./userText.ts";

type ContributionWithAuthor = Contribution & { author: Member };

const statusColor: Record<Contribution["status"], number> = {
  submitted: 0x5865f2,
  evaluating: 0xfee75c,
  evaluated: 0x57f287,
  final: 0x3ba55d,
  withdrawn: 0x747f8d,
};

const timestamp = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:f>`;

export function contributionEmbed(c: ContributionWithAuthor): APIEmbed {
  const fields = [
    { name: "Category", value: c.category, inline: true },
    { name: "Status", value: c.status, inline: true },
    { name: "Author", value: `<@${c.author.discordId}>`, inline: true },
  ];
  if (c.hours !== null) fields.push({ name: "Hours", value: c.hours.toString(), inline: true });
  if (c.links.length > 0)
    fields.push({ name: "Links", value: c.links.map((l) => `• ${evidenceLink(l)}`).join("\n"), inline: false });
  fields.push({ name: "Submitted", value: timestamp(c.createdAt), inline: true });
  if (c.withdrawnAt) fields.push({ name: "Withdrawn", value: timestamp(c.withdrawnAt), inline: true });
  return {
    title: `#${c.id} · ${userLine(c.title, 240)}`,
    description: userText(c.description),
    color: statusColor[c.status],
    fields,
    footer: { text: `Steward · contribution #${c.id}` },
    timestamp: c.createdAt.toISOString(),
  };
}

export interface ContributionListState {
  scope: "mine" | "all";
  status: Contribution["status"] | undefined;
  page: number;
}

export const LIST_BUTTON_PREFIX = "contrib-list";

export function listCustomId(state: ContributionListState): string {
  return [LIST_BUTTON_PREFIX, state.scope, state.status ?? "any", state.page].join(":");
}

/** The list a pager button asks for (the custom id's arguments after the prefix). */
export function readListId([scope, status, page]: string[]): ContributionListState {
  return {
    scope: scope === "all" ? "all" : "mine",
    status: Object.keys(statusColor).find((s): s is Contribution["status"] => s === status),
    page: Number.parseInt(page ?? "1", 10) || 1,
  };
}

export function contributionListView(
  result: { items: ContributionWithAuthor[]; total: number; page: number; pages: number },
  state: ContributionListState,
) {
  const heading = `${state.scope === "mine" ? "Your contributions" : "All contributions"}${state.status ? ` (${state.status})` : ""}`;
  const lines = result.items.map(
    (c) =>
      `**#${c.id}** · ${userLine(c.title, 120)} · ${c.category} · ${c.status} · <@${c.author.discordId}> · ${timestamp(c.createdAt)}`,
  );
  const embed: APIEmbed = {
    title: heading,
    description:
      lines.length > 0
        ? lines.join("\n")
        : state.scope === "mine"
          ? "You have no contributions here yet. Submit one with `/contribute submit`."
          : "No contributions match.",
    color: 0x5865f2,
    footer: { text: `Page ${result.page} of ${result.pages} · ${result.total} in total` },
  };
  const components = pagerRows(result.page, result.pages, (page) => listCustomId({ ...state, page }));
  return { embeds: [embed], components };
}

export const CONTRIBUTION_FORM_PREFIX = "contribution-form";

/**
 * The multi-line form for a contribution: title, description and links, pre-filled from the command; category and
 * hours travel in the custom id (`contribution-form:<category>:<hours>`).
 */
export function contributionFormModal(o: {
  title: string;
  category: string;
  hours: number | undefined;
  links: string[];
}): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${CONTRIBUTION_FORM_PREFIX}:${o.category}:${o.hours ?? ""}`,
    title: "Submit a contribution",
    components: [
      textInputRow("title", "Title", o.title, 120, false, true),
      textInputRow("description", "What you did and why it matters", "", 4000, true, true),
      textInputRow("links", "Links (up to 5, one per line)", o.links.join("\n"), 1000, true, false),
    ],
  };
}
