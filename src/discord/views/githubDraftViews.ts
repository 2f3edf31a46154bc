import { type APIActionRowComponent, type APIButtonComponent, ButtonStyle, ComponentType } from "discord-api-types/v10";
import { userText } from "./userText.ts";

/** The buttons of a draft's post: `github-draft:confirm:<id>` / `github-draft:discard:<id>`. */
export const GITHUB_DRAFT_PREFIX = "github-draft";

/** The post asking the member (mentioned) to submit the contribution Steward drafted from their merged PR, or not. */
export function githubDraftMessage(d: { id: number; discordId: string; title: string; url: string }): {
  content: string;
  components: APIActionRowComponent<APIButtonComponent>[];
} {
  return {
    content: [
      `<@${d.discordId}>, your pull request ${d.url} was merged. Steward drafted a code contribution from it (draft #${d.id}): **${userText(d.title)}**.`,
      "Nothing is submitted unless you confirm it; once submitted it is evaluated with what GitHub says about the PR.",
    ].join("\n"),
    components: [
      {
        type: ComponentType.ActionRow,
        components: [
          {
            type: ComponentType.Button,
            style: ButtonStyle.Success,
            custom_id: `${GITHUB_DRAFT_PREFIX}:confirm:${d.id}`,
            label: "Submit it",
          },
          {
            type: ComponentType.Button,
            style: ButtonStyle.Secondary,
            custom_id: `${GITHUB_DRAFT_PREFIX}:discard:${d.id}`,
            label: "Discard",
          },
        ],
      },
    ],
  };
}

/** The post once the member decided: no buttons left. */
export function githubDraftDecidedText(
  d: { id: number; url: string },
  outcome: { status: "confirmed"; contributionId: number } | { status: "discarded" },
): string {
  return outcome.status === "confirmed"
    ? `Draft #${d.id} from ${d.url} was submitted as contribution #${outcome.contributionId}; its evaluation follows.`
    : `Draft #${d.id} from ${d.url} was discarded: nothing was submitted.`;
}
