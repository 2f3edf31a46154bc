/**
 * What services and jobs tell the outside world about. The Discord adapter implements it (posting embeds); the
 * composition root passes it in, so that no service imports discord.js.
 */
export interface Notifier {
  evaluationCompleted(evaluationId: number): Promise<void>;
  distributionProposed(proposalId: number): Promise<void>;
}

export const silentNotifier: Notifier = {
  async evaluationCompleted() {},
  async distributionProposed() {},
};
