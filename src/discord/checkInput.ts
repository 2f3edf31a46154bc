import type { ChatInputCommandInteraction, CommandInteractionOption, ModalSubmitInteraction } from "discord.js";
import { UserError } from "../services/errors.ts";

const INT4_MAX = 2_147_483_647;

/** Id options, and what a person is told when the id cannot exist (beyond PostgreSQL's integer range, or below 1). */
const ID_OPTIONS: Record<string, (id: number) => UserError> = {
  id: (id) => new UserError("contribution_not_found", { id }),
  contribution: (id) => new UserError("contribution_not_found", { id }),
  proposal: (id) => new UserError("proposal_not_found", { id }),
  appeal: (id) => new UserError("appeal_not_found", { id }),
  draft: (id) => new UserError("proposal_draft_not_found", { id }),
  lease: (id) => new UserError("lease_not_found", { id }),
};

/** The same option name meaning another id in one command. */
const COMMAND_ID_OPTIONS: Record<string, Record<string, (id: number) => UserError>> = {
  node: { id: (id) => new UserError("node_not_found", { id }) },
};

/**
 * Checks what a person typed before any handler sees it: text that cannot be stored (NUL, lone surrogates: the
 * database and the audit log refuse them) and ids that cannot exist are answered clearly, never as an incident.
 */
export function checkCommandInput(interaction: ChatInputCommandInteraction): void {
  const walk = (options: readonly CommandInteractionOption[]) => {
    for (const o of options) {
      if (o.options) walk(o.options);
      if (typeof o.value === "string") checkText(o.name, o.value);
      const refusal = COMMAND_ID_OPTIONS[interaction.commandName]?.[o.name] ?? ID_OPTIONS[o.name];
      if (typeof o.value === "number" && refusal && (o.value < 1 || o.value > INT4_MAX)) throw refusal(o.value);
    }
  };
  walk(interaction.options.data);
}

export function checkModalInput(interaction: ModalSubmitInteraction): void {
  for (const [name, field] of interaction.fields.fields) {
    if ("value" in field && typeof field.value === "string") checkText(name, field.value);
  }
}

function checkText(field: string, value: string) {
  if (value.includes("\u0000")) throw new UserError("invalid_text", { field, problem: "nul" });
  // A high surrogate not followed by a low one, or a low one not preceded by a high one (String#isWellFormed).
  if (/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(value))
    throw new UserError("invalid_text", { field, problem: "surrogate" });
}

/**
 * The numeric id inside a custom id (`payout:approve:12`). Anything else was not made by Steward (a forged or
 * garbled component): the person is told it cannot be used, never shown an incident.
 */
export function idArgument(value: string | undefined): number {
  const n = value !== undefined && /^\d{1,10}$/.test(value) ? Number(value) : 0;
  if (n < 1 || n > INT4_MAX) throw new UserError("invalid_component", {});
  return n;
}
