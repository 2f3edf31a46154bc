import type { APIEmbed, APIModalInteractionResponseCallbackData } from "discord-api-types/v10";
import type { Contribution, Member } from "../../generated/prisma/client.ts";
import type { Translator } from "../../i18n/translator.ts";
import { categoryName } from "./categoryName.ts";
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

/** A contribution status in the member's language. */
export const statusName = (t: Translator, status: string) => t.t("contribution.status", { status });

export function contributionEmbed(t: Translator, c: ContributionWithAuthor): APIEmbed {
  const fields = [
    { name: t.t("contribution.embed.category.fieldName"), value: categoryName(t, c.category), inline: true },
    { name: t.t("contribution.embed.status.fieldName"), value: statusName(t, c.status), inline: true },
    { name: t.t("contribution.embed.author.fieldName"), value: `<@${c.author.discordId}>`, inline: true },
  ];
  if (c.hours !== null)
    fields.push({
      name: t.t("contribution.embed.hours.fieldName"),
      value: t.number(Number(c.hours.toString()), { maximumFractionDigits: 2 }),
      inline: true,
    });
  if (c.links.length > 0)
    fields.push({
      name: t.t("contribution.embed.links.fieldName"),
      value: c.links.map((l) => `• ${evidenceLink(l)}`).join("\n"),
      inline: false,
    });
  fields.push({ name: t.t("contribution.embed.submitted.fieldName"), value: timestamp(c.createdAt), inline: true });
  if (c.withdrawnAt)
    fields.push({ name: t.t("contribution.embed.withdrawn.fieldName"), value: timestamp(c.withdrawnAt), inline: true });
  return {
    title: `#${c.id} · ${userLine(c.title, 240)}`,
    description: userText(c.description),
    color: statusColor[c.status],
    fields,
    footer: { text: t.t("contribution.embed.footer", { id: String(c.id) }) },
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
  t: Translator,
  result: { items: ContributionWithAuthor[]; total: number; page: number; pages: number },
  state: ContributionListState,
) {
  const heading = state.status
    ? t.t(
        state.scope === "mine"
          ? "contribution.list.mineWithStatus.embedTitle"
          : "contribution.list.allWithStatus.embedTitle",
        { status: statusName(t, state.status) },
      )
    : t.t(state.scope === "mine" ? "contribution.list.mine.embedTitle" : "contribution.list.all.embedTitle");
  const lines = result.items.map(
    (c) =>
      `**#${c.id}** · ${userLine(c.title, 120)} · ${categoryName(t, c.category)} · ${statusName(t, c.status)} · <@${c.author.discordId}> · ${timestamp(c.createdAt)}`,
  );
  const embed: APIEmbed = {
    title: heading,
    description:
      lines.length > 0
        ? lines.join("\n")
        : t.t(state.scope === "mine" ? "contribution.list.mineEmpty" : "contribution.list.noMatch"),
    color: 0x5865f2,
    footer: {
      text: t.t("contribution.list.footer", {
        page: t.number(result.page),
        pages: t.number(result.pages),
        total: t.number(result.total),
      }),
    },
  };
  const components = pagerRows(t, result.page, result.pages, (page) => listCustomId({ ...state, page }));
  return { embeds: [embed], components };
}

export const CONTRIBUTION_FORM_PREFIX = "contribution-form";

/**
 * The multi-line form for a contribution: title, description and links, pre-filled from the command; category and
 * hours travel in the custom id (`contribution-form:<category>:<hours>`).
 */
export function contributionFormModal(
  t: Translator,
  o: {
    title: string;
    category: string;
    hours: number | undefined;
    links: string[];
  },
): APIModalInteractionResponseCallbackData {
  return {
    custom_id: `${CONTRIBUTION_FORM_PREFIX}:${o.category}:${o.hours ?? ""}`,
    title: t.t("contribution.form.modalTitle"),
    components: [
      textInputRow("title", t.t("contribution.form.title.inputLabel"), o.title, 120, false, true),
      textInputRow("description", t.t("contribution.form.description.inputLabel"), "", 4000, true, true),
      textInputRow("links", t.t("contribution.form.links.inputLabel"), o.links.join("\n"), 1000, true, false),
    ],
  };
}
