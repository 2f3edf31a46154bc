import type { CommandAudience, CommandPath } from "../../commands/index.ts";

/** Who may run each command path; the router enforces it and /help lists from it. */
export const commandAudience = {
  "contribute submit": "everyone",
  "contribute list": "everyone",
  "contribute show": "everyone",
  "contribute withdraw": "everyone",
  "evaluation show": "everyone",
  "evaluation override": "moderator",
  "evaluation clear": "moderator",
  "evaluation resolve-appeal": "moderator",
  "evaluation usage": "moderator",
  appeal: "everyone",
  propose: "everyone",
  "epoch status": "everyone",
  "epoch close": "moderator",
  "jury next": "juror",
  "proposal show": "everyone",
  "proposal open": "moderator",
  "proposal drafts": "everyone",
  "policy show": "everyone",
  "policy propose": "everyone",
  "payout approve": "moderator",
  "payout reject": "moderator",
  "payout status": "everyone",
  "payout history": "everyone",
  "payout retry": "moderator",
  "payout claim": "everyone",
  "payout return": "moderator",
  "wallet link": "everyone",
  "wallet verify": "everyone",
  "wallet show": "everyone",
  "github link": "everyone",
  "github show": "everyone",
  "github unlink": "everyone",
  "node register": "everyone",
  "node list": "everyone",
  "node show": "everyone",
  "node update": "everyone",
  "node retire": "everyone",
  "compute request": "everyone",
  "compute leases": "everyone",
  "compute end": "everyone",
  "audit trace": "everyone",
  "privacy show": "everyone",
  "privacy show-name": "everyone",
  "privacy show-wallet": "everyone",
  notify: "everyone",
  help: "everyone",
  "steward status": "moderator",
  start: "everyone",
  // Who may accept, review or end is the service's to say (MENTOR_ROLE, the mentorship's own members).
  "mentor request": "everyone",
  "mentor accept": "everyone",
  "mentor review": "everyone",
  "mentor end": "everyone",
  "mentor list": "everyone",
  "steward settings budget-floor": "moderator",
} as const satisfies Record<CommandPath, CommandAudience>;

export function mayUse(path: CommandPath, isModerator: boolean, isJuror = false): boolean {
  const audience: CommandAudience = commandAudience[path];
  // Jurors' commands are theirs alone: a moderator is not a juror unless they hold JUROR_ROLE too.
  if (audience === "juror") return isJuror;
  return audience === "everyone" || isModerator;
}
