/**
 * What services and jobs tell the outside world about. The Discord adapter implements it (posting and editing
 * messages); the composition root passes it in, so that no service imports discord.js.
 */
export interface Notifier {
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
  async evaluationCompleted() {},
  async proposalPosted() {},
  votesChanged() {},
  async votingClosed() {},
  async approvalsChanged() {},
  // Nothing is claimed here: a process that cannot post leaves the proposals to one that can.
  async unpostedProposals() {},
};
