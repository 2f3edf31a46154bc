import {
  ApplicationCommandOptionType,
  ApplicationCommandType,
  InteractionContextType,
  type RESTPostAPIChatInputApplicationCommandsJSONBody,
} from "discord-api-types/v10";
import { proposalIdOption } from "./options.ts";

export const payoutCommand = {
  type: ApplicationCommandType.ChatInput,
  name: "payout",
  description: "Payouts: where a payout is, what you were paid, claims; moderators approve, reject, retry, return",
  contexts: [InteractionContextType.Guild],
  // No default_member_permissions: status and history are for every member; Steward checks the moderator role
  // on approve, reject and retry itself.
  options: [
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "status",
      description: "Where a proposal's payout is: chunks, transactions, confirmations, failures",
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "history",
      description: "What you were paid: when, by which proposal and transaction",
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "claim",
      description: "Claim a payout the distributor held for you (its transfer failed): list, sign, submit",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "line",
          description: "Held line number (from the list); without it, lists the lines held for you",
          min_value: 1,
        },
        {
          type: ApplicationCommandOptionType.String,
          name: "signature",
          description: "The 0x… signature of the claim (signed by the wallet the line was for)",
          max_length: 6000,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "return",
      description: "Moderators: send a held line back to the treasury once its claim period is over",
      options: [
        {
          type: ApplicationCommandOptionType.Integer,
          name: "line",
          description: "Held line number (shown in /payout status)",
          required: true,
          min_value: 1,
        },
      ],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "retry",
      description: "Moderators: pay a failed chunk again once its cause is fixed (still exactly once)",
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "approve",
      description: "Moderators: approve a passed payout proposal",
      options: [proposalIdOption],
    },
    {
      type: ApplicationCommandOptionType.Subcommand,
      name: "reject",
      description: "Moderators: reject (veto) a passed payout proposal",
      options: [
        proposalIdOption,
        {
          type: ApplicationCommandOptionType.String,
          name: "reason",
          description: "Why (shown to members)",
          required: true,
        },
      ],
    },
  ],
} as const satisfies RESTPostAPIChatInputApplicationCommandsJSONBody;
