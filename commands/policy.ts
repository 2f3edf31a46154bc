import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const policyCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "policy",
  description: "The evaluation policy (rubric weights, caps, model, prompt) and votes to change it",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "show",
      description: "The active policy, candidates in vote, and each version's agreement with the jury",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "propose",
      description: "Propose a new policy for the members' vote; it shows how it agrees with the jury",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "weights",
          description: "Every criterion's weight, summing to 1, e.g. impact=0.4,quality=0.2,effort=0.2,alignment=0.2",
          required: false,
          max_length: 200,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "cap",
          description: "Most a contribution can earn, in tokens, e.g. 50",
          required: false,
          max_length: 40,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "model",
          description: "The LLM evaluator's model, e.g. gpt-4o-mini",
          required: false,
          max_length: 100,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "prompt_version",
          description: "The evaluation prompt's version, e.g. evaluate-contribution@1",
          required: false,
          max_length: 60,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why: shown as the proposal's motivation",
          required: false,
          max_length: 1000,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
