import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { proposalIdOption } from "./options.ts";

export const proposalCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "proposal",
  description: "Governance proposals and their votes",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "A proposal's status, payout, tally and your vote",
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "drafts",
      description: "Reopen your /propose drafts that are not submitted yet",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "draft",
          description: "Draft id (default: your latest)",
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "open",
      description: "Moderators: open a draft proposal for votes",
      options: [
        proposalIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "type",
          description: "Voting type (default from the server's settings)",
          required: false,
          choices: [
            { name: "basic (For / Against / Abstain)", value: "basic" },
            { name: "single-choice", value: "single-choice" },
            { name: "approval", value: "approval" },
            { name: "weighted", value: "weighted" },
            { name: "quadratic", value: "quadratic" },
            { name: "ranked-choice", value: "ranked-choice" },
          ],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "choices",
          description: "For types other than basic: choices separated by ; (a payout's choice 1 pays)",
          required: false,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "period",
          description: "How long the vote stays open, e.g. 48h, 7d, 30m (default from settings)",
          required: false,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
