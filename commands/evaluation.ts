import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { contributionIdOption } from "./options.ts";

export const evaluationCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "evaluation",
  description: "See how contributions were evaluated",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show the active evaluation of a contribution",
      options: [contributionIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "usage",
      description: "Moderators: evaluations, tokens and cost over a period",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "days",
          description: "How many days back (default: the current epoch)",
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "resolve-appeal",
      description: "Moderators: accept or reject an appeal (as its post's buttons do, also when it has no post)",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "appeal",
          description: "Appeal id (the number after Appeal #)",
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "decision",
          description: "accept: the second pass counts; reject: the first evaluation stands",
          required: true,
          choices: [
            { name: "accept", value: "accept" },
            { name: "reject", value: "reject" },
          ],
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "clear",
      description: "Moderators: let a flagged evaluation pay as evaluated (it pays nothing until cleared)",
      options: [
        contributionIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "What you checked: recorded and audited",
          required: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "override",
      description: "Moderators: replace a contribution's evaluation (the original is kept and audited)",
      options: [
        contributionIdOption,
        {
          type: ApplicationCommandOptionType.Integer,
          name: "score",
          description: "Total score, 0-100",
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reward",
          description: "Reward in tokens, e.g. 12.5",
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why: recorded and shown to the contributor",
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
