import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const CONTRIBUTION_CATEGORY_CHOICES = [
  "code",
  "docs",
  "design",
  "research",
  "community",
  "ops",
  "other",
] as const;
export const CONTRIBUTION_STATUS_CHOICES = ["submitted", "evaluating", "evaluated", "final", "withdrawn"] as const;

// Lengths and ranges are checked by Steward itself, not declared here, so that every mistake gets the same clear
// private answer whichever client sent it.
const link = (n: number) =>
  ({
    type: ApplicationCommandOptionType.String,
    name: `link${n}`,
    description: `Link ${n} to the work (http or https)`,
    required: false,
  }) as const;

const contributionIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "id",
  description: "Contribution id (the number after #)",
  required: true,
} as const;

export const contributeCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "contribute",
  description: "Submit and manage your contributions to the DAO",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "submit",
      description: "Submit a contribution for evaluation and reward",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "title",
          description: "A short title (up to 120 characters)",
          required: true,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "category",
          description: "What kind of work it is",
          required: true,
          choices: CONTRIBUTION_CATEGORY_CHOICES.map((c) => ({ name: c, value: c })),
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "description",
          description: "What you did and why it matters, in one line; leave it out to write several lines in a form",
          required: false,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "links",
          description: "Up to 5 links (http or https), separated by spaces",
          required: false,
        },
        link(1),
        link(2),
        link(3),
        link(4),
        link(5),
        {
          type: ApplicationCommandOptionType.Number,
          name: "hours",
          description: "Hours you spent, if you tracked them (up to 1000)",
          required: false,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "list",
      description: "List contributions",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "scope",
          description: "Yours only (default) or everyone's",
          required: false,
          choices: [
            { name: "mine", value: "mine" },
            { name: "all", value: "all" },
          ],
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "status",
          description: "Only contributions in this status",
          required: false,
          choices: CONTRIBUTION_STATUS_CHOICES.map((s) => ({ name: s, value: s })),
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "Show one contribution",
      options: [contributionIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "withdraw",
      description: "Withdraw one of your contributions before its evaluation is final",
      options: [contributionIdOption],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
