/**
 * Every public post and edit, as services, handlers and jobs ask for them. The Discord adapter's one publisher
 * implements it; the composition root builds it once and passes it in, so that no service imports discord.js.
 */
export interface Notifier {
  /** Posts a new contribution in its channel and records the message; where it went, or null if nowhere. */
  contributionSubmitted(contributionId: number): Promise<{ channelId: string } | null>;
  /** The contribution changed (withdrawn, evaluated): its post is brought up to date. */
  contributionChanged(contributionId: number): Promise<void>;
  /** Posts an appeal beside the contribution, with Accept / Reject for moderators. */
  appealFiled(appealId: number): Promise<void>;
  evaluationCompleted(evaluationId: number): Promise<void>;
  /** Posts the proposal's message in #governance, or brings it up to date (status, ballot). */
  proposalPosted(proposalId: number): Promise<void>;
  /** A vote changed the live tally; the adapter may coalesce many of these into one edit. */
  votesChanged(proposalId: number): void;
  /** The vote closed: final tally on the proposal, and the result posted (once). */
  votingClosed(proposalId: number): Promise<void>;
  /** An approval or a veto: the result message shows the new count or outcome. */
  approvalsChanged(proposalId: number): Promise<void>;
  /** Posts the draft and open proposals that have no message yet (created while no bot was connected). */
  unpostedProposals(): Promise<void>;
}

export const silentNotifier: Notifier = {
  async contributionSubmitted() {
    return null;
  },
  async contributionChanged() {},
  async appealFiled() {},
  async evaluationCompleted() {},
  async proposalPosted() {},
  votesChanged() {},
  async votingClosed() {},
  async approvalsChanged() {},
  // Nothing is claimed here: a process that cannot post leaves the proposals to one that can.
  async unpostedProposals() {},
};
