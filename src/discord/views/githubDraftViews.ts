import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord-api-types/v10";
import type { Translator } from "../../i18n/translator.ts";
import { userText } from "./userText.ts";

/** The buttons of a draft's post: `github-draft:confirm:<id>` / `github-draft:discard:<id>`. */
export const GITHUB_DRAFT_PREFIX = "github-draft";

/** The post asking the member (mentioned) to submit the contribution Steward drafted from their merged PR, or not. */
export function githubDraftMessage(
  t: Translator,
  d: { id: number; discordId: string; title: string; url: string },
): {
  content: string;
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  return {
    content: t.t("github.draft.post", {
      member: d.discordId,
      url: d.url,
      id: String(d.id),
      title: userText(d.title),
    }),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            custom_id: `${GITHUB_DRAFT_PREFIX}:confirm:${d.id}`,
            label: t.t("github.draft.submit.button"),
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: `${GITHUB_DRAFT_PREFIX}:discard:${d.id}`,
            label: t.t("github.draft.discard.button"),
          },
        ],
      },
    ],
  };
}

/** The post once the member decided: no buttons left. */
export function githubDraftDecidedText(
  t: Translator,
  d: { id: number; url: string },
  outcome: { status: "confirmed"; contributionId: number } | { status: "discarded" },
): string {
  return outcome.status === "confirmed"
    ? t.t("github.draft.confirmed", { id: String(d.id), url: d.url, contributionId: String(outcome.contributionId) })
    : t.t("github.draft.discarded", { id: String(d.id), url: d.url });
}
