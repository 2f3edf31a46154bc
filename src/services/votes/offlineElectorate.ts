import type { Electorate } from "./governanceSettings.ts";

/** Before the bot is connected (e.g. `steward job run` from a shell) the member list is unknown. */
export class ElectorateUnavailableError extends Error {
  override name = "ElectorateUnavailableError";
  constructor(
    message: string,
    /** offline: no bot in this process; members_intent: Discord refuses the list (Server Members intent off). */
    readonly reason: "offline" | "members_intent" = "offline",
  ) {
    super(message);
  }
}

export const offlineElectorate: Electorate = {
  async members() {
    throw new ElectorateUnavailableError("the guild's member list is only available while the bot is connected");
  },
};
