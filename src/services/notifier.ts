import type { PostOutcome } from "./publishing/pendingPosts.ts";

/** A button on a compute notice: who clicks it acts on what its id names (e.g. "lease:accept:12"). */
export interface NoticeButton {
  customId: string;
  label: string;
  style: "primary" | "secondary" | "success" | "danger";
}

/** A message in the compute channel; only the users in `mention` are pinged. */
export interface ComputeNotice {
  content: string;
  mention?: string[];
  buttons?: NoticeButton[];
}

/**
 * Every public post and edit, as services, handlers and jobs ask for them. The Discord adapter's one publisher
 * implements it; the composition root builds it once and passes it in, so that no service imports discord.js.
 * A post Discord refuses does not throw: its outcome says why, and it waits for the repost job.
 */
export interface Notifier {
  /** Posts a new contribution in its channel and records the message. */
  contributionSubmitted(contributionId: number): Promise<PostOutcome>;
  /** The contribution changed (withdrawn, evaluated): its post is brought up to date. */
  contributionChanged(contributionId: number): Promise<void>;
  /** Posts an appeal beside the contribution, with Accept / Reject for moderators. */
  appealFiled(appealId: number): Promise<PostOutcome>;
  /** The appeal was decided without its buttons: its post (if any) shows the outcome; an unmade post is dropped. */
  appealResolved(appealId: number, outcome: string): Promise<void>;
  evaluationCompleted(evaluationId: number): Promise<PostOutcome>;
  /** Posts the proposal's message in the governance channel, or brings it up to date (status, ballot). */
  proposalPosted(proposalId: number): Promise<PostOutcome>;
  /** A vote changed the live tally; the adapter may coalesce many of these into one edit. */
  votesChanged(proposalId: number): void;
  /** The vote closed: final tally on the proposal, and the result posted (once). The result's outcome. */
  votingClosed(proposalId: number): Promise<PostOutcome>;
  /** An approval or a veto: the result message shows the new count or outcome. */
  approvalsChanged(proposalId: number): Promise<PostOutcome>;
  /** Posts the draft and open proposals that have no message yet (created while no bot was connected). */
  unpostedProposals(): Promise<void>;
  /** Whether posts can be made now (a bot is logged in). */
  connected(): boolean;
  /** A message to the moderators (mentioning their role) in the governance channel, or the payouts one; false if it failed. */
  tellModerators(guildId: string, text: string, channel?: "governance" | "payouts"): Promise<boolean>;
  /** A chunk exported for the Safe: its Transaction Builder file in the payouts channel, for the moderators. */
  safeBatchExported(intentId: number): Promise<boolean>;
  /** The proposal was paid: its receipt in the payouts channel (recorded), and its result message says so. */
  payoutSettled(proposalId: number): Promise<PostOutcome>;
  /** A message in the compute channel (a node registered, offline, a lease's news); its message id, or null. */
  computeNotice(guildId: string, notice: ComputeNotice): Promise<string | null>;
  /** A compute message's text replaced and its buttons removed (a lease offer decided). */
  computeNoticeEdited(guildId: string, messageId: string, content: string): Promise<void>;
}

const notConnected: PostOutcome = { posted: false, channel: "Discord", reason: "no bot is connected in this process" };

export const silentNotifier: Notifier = {
  async contributionSubmitted() {
    return notConnected;
  },
  async contributionChanged() {},
  async appealFiled() {
    return notConnected;
  },
  async appealResolved() {},
  async evaluationCompleted() {
    return notConnected;
  },
  async proposalPosted() {
    return notConnected;
  },
  votesChanged() {},
  async votingClosed() {
    return notConnected;
  },
  async approvalsChanged() {
    return notConnected;
  },
  // Nothing is claimed here: a process that cannot post leaves the proposals to one that can.
  async unpostedProposals() {},
  connected: () => false,
  async tellModerators() {
    return false;
  },
  async payoutSettled() {
    return notConnected;
  },
  async safeBatchExported() {
    return false;
  },
  async computeNotice() {
    return null;
  },
  async computeNoticeEdited() {},
};
