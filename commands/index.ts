import type { ApplicationCommandOptionType } from "discord-api-types/v10";
import { appealCommand } from "./appeal.ts";
import { auditCommand } from "./audit.ts";
import { computeCommand } from "./compute.ts";
import { contributeCommand } from "./contribute.ts";
import { epochCommand } from "./epoch.ts";
import { evaluationCommand } from "./evaluation.ts";
import { githubCommand } from "./github.ts";
import { helpCommand } from "./help.ts";
import { juryCommand } from "./jury.ts";
import { mentorCommand } from "./mentor.ts";
import { nodeCommand } from "./node.ts";
import { notifyCommand } from "./notify.ts";
import { payoutCommand } from "./payout.ts";
import { policyCommand } from "./policy.ts";
import { privacyCommand } from "./privacy.ts";
import { proposalCommand } from "./proposal.ts";
import { proposeCommand } from "./propose.ts";
import { startCommand } from "./start.ts";
import { stewardCommand } from "./steward.ts";
import { walletCommand } from "./wallet.ts";

/**
 * Every slash command Steward registers; `steward deploy-commands` bulk-overwrites exactly this list.
 *
 * Languages: every description carries `description_localizations` and every choice `name_localizations`
 * (`localized()`, one text per language Steward speaks), so a member's Discord shows them in their language. Command,
 * subcommand and option NAMES are deliberately not localized: replies, /help, errors and documents name commands the
 * same way in every language, so members of a mixed-language server all talk about the same `/wallet link`.
 */
export const commandDefinitions = [
  contributeCommand,
  evaluationCommand,
  appealCommand,
  proposeCommand,
  epochCommand,
  juryCommand,
  mentorCommand,
  proposalCommand,
  policyCommand,
  payoutCommand,
  walletCommand,
  githubCommand,
  nodeCommand,
  computeCommand,
  auditCommand,
  privacyCommand,
  notifyCommand,
  helpCommand,
  startCommand,
  stewardCommand,
] as const;

export type CommandName = (typeof commandDefinitions)[number]["name"];

type Sub<C> = C extends { name: infer N extends string; options: readonly (infer O)[] }
  ? O extends { type: ApplicationCommandOptionType.Subcommand; name: infer S extends string }
    ? `${N} ${S}`
    : O extends { type: ApplicationCommandOptionType.SubcommandGroup }
      ? `${N} ${Sub<O>}`
      : never
  : never;
type Leaf<C> = C extends { name: infer N extends string } ? ([Sub<C>] extends [never] ? N : Sub<C>) : never;

/** Full command paths as a user types them: "contribute submit", "help". Handlers are keyed by these. */
export type CommandPath = Leaf<(typeof commandDefinitions)[number]>;

/** Who may use a command path: everyone in the guild, or only holders of the moderator (or juror) role. */
export type CommandAudience = "everyone" | "moderator" | "juror";
