import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";

export const walletCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "wallet",
  description: "Link the wallet your rewards are paid to",
  contexts: [InteractionContextType.Guild],
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "link",
      description: "Start linking an address: you get a message to sign",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "address",
          description: "Your Ethereum address (0x…)",
          required: true,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "verify",
      description: "Finish linking: paste the signature of the message",
      options: [
        {
          type: ApplicationCommandOptionType.String,
          name: "signature",
          description: "The signature (0x…); leave it out for a form that also takes the message you signed",
          required: false,
          max_length: 6000,
        },
      ],
    },
    { type: ApplicationCommandOptionType.Subcommand, name: "show", description: "Show your linked wallet" },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
