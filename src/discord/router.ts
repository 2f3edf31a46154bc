import type { CommandPath } from "../../commands/index.ts";
import type { LateAnswer } from "./autoDefer.ts";
import { appeal } from "./handlers/appeal.ts";
import * as audit from "./handlers/audit.ts";
import * as compute from "./handlers/compute.ts";
import * as contribute from "./handlers/contribute.ts";
import * as epochs from "./handlers/epoch.ts";
import * as evaluation from "./handlers/evaluation.ts";
import * as github from "./handlers/github.ts";
import { help } from "./handlers/help.ts";
import * as jury from "./handlers/jury.ts";
import * as mentor from "./handlers/mentor.ts";
import * as nodes from "./handlers/node.ts";
import { notify } from "./handlers/notify.ts";
import * as payout from "./handlers/payout.ts";
import * as policy from "./handlers/policy.ts";
import * as privacy from "./handlers/privacy.ts";
import * as proposal from "./handlers/proposal.ts";
import * as ballot from "./handlers/proposalBallot.ts";
import * as proposals from "./handlers/propose.ts";
import * as startGuide from "./handlers/start.ts";
import * as steward from "./handlers/steward.ts";
import * as stewardSettings from "./handlers/stewardSettings.ts";
import type { CommandHandler, ComponentHandler, ModalHandler } from "./handlers/types.ts";
import * as wallet from "./handlers/wallet.ts";
import { TRACE_PREFIX } from "./views/auditTraceViews.ts";
import { CHOOSE_PREFIX } from "./views/computeNoticeViews.ts";
import { LEASE_PREFIX, NODE_LIST_PREFIX } from "./views/computeViews.ts";
import { CONTRIBUTION_FORM_PREFIX, LIST_BUTTON_PREFIX } from "./views/contributionViews.ts";
import { APPEAL_BUTTON_PREFIX } from "./views/evaluationViews.ts";
import { GITHUB_DRAFT_PREFIX } from "./views/githubDraftViews.ts";
import { GITHUB_BUTTON_PREFIX } from "./views/githubViews.ts";
import {
  GOVERNANCE_BUTTON_PREFIX,
  PAYOUT_BUTTON_PREFIX,
  PAYOUT_REJECT_MODAL_PREFIX,
  POINTS_PREFIX,
  RANK_PREFIX,
  VOTE_PREFIX,
} from "./views/governanceFormat.ts";
import { JURY_BUTTON_PREFIX, JURY_MODAL_PREFIX } from "./views/juryViews.ts";
import { MENTOR_PREFIX } from "./views/mentorViews.ts";
import { PROPOSAL_BUTTON_PREFIX, PROPOSAL_MODAL_PREFIX } from "./views/proposalViews.ts";
import { START_PREFIX, START_WALLET_FORM } from "./views/startViews.ts";
import { WALLET_VERIFY_FORM_PREFIX } from "./views/walletViews.ts";

/** Exactly one handler per command path; the type makes a missing or extra one a compile error. */
export const commandHandlers = {
  "contribute submit": contribute.submit,
  "contribute list": contribute.list,
  "contribute show": contribute.show,
  "contribute withdraw": contribute.withdraw,
  "evaluation show": evaluation.show,
  "evaluation override": evaluation.override,
  "evaluation clear": evaluation.clear,
  "evaluation resolve-appeal": evaluation.resolveAppealCommand,
  "evaluation usage": evaluation.usage,
  appeal,
  propose: proposals.propose,
  "epoch status": epochs.status,
  "epoch close": epochs.close,
  "jury next": jury.next,
  "mentor request": mentor.request,
  "mentor accept": mentor.acceptCommand,
  "mentor review": mentor.review,
  "mentor end": mentor.end,
  "mentor list": mentor.list,
  "proposal show": proposal.showCommand,
  "proposal open": proposal.openCommand,
  "proposal drafts": proposal.drafts,
  "policy show": policy.show,
  "policy propose": policy.propose,
  "payout approve": payout.approveCommand,
  "payout reject": payout.rejectCommand,
  "payout status": payout.status,
  "payout history": payout.history,
  "payout retry": payout.retry,
  "payout claim": payout.claim,
  "payout return": payout.returnLine,
  "wallet link": wallet.link,
  "wallet verify": wallet.verify,
  "wallet show": wallet.show,
  "github link": github.link,
  "github show": github.show,
  "github unlink": github.unlink,
  "node register": nodes.register,
  "node list": nodes.list,
  "node show": nodes.show,
  "node update": nodes.update,
  "node retire": nodes.retire,
  "compute request": compute.request,
  "compute leases": compute.leases,
  "compute end": compute.end,
  "audit trace": audit.trace,
  "privacy show": privacy.show,
  "privacy show-name": privacy.showName,
  "privacy show-wallet": privacy.showWallet,
  notify,
  help,
  "steward status": steward.status,
  start: startGuide.start,
  "steward settings budget-floor": stewardSettings.budgetFloor,
} satisfies Record<CommandPath, CommandHandler>;

/** Component handlers by the first `:`-separated part of the custom id. */
export const componentHandlers: Record<string, ComponentHandler> = {
  [LIST_BUTTON_PREFIX]: contribute.listPage,
  [APPEAL_BUTTON_PREFIX]: evaluation.resolveAppealButton,
  [PROPOSAL_BUTTON_PREFIX]: proposals.draftButton,
  [GOVERNANCE_BUTTON_PREFIX]: proposal.openButton,
  [VOTE_PREFIX]: ballot.voteComponent,
  [RANK_PREFIX]: ballot.rankComponent,
  [POINTS_PREFIX]: ballot.pointsComponent,
  [PAYOUT_BUTTON_PREFIX]: payout.payoutButton,
  [NODE_LIST_PREFIX]: nodes.listPage,
  [CHOOSE_PREFIX]: compute.choose,
  [LEASE_PREFIX]: compute.leaseButton,
  [TRACE_PREFIX]: audit.tracePage,
  [JURY_BUTTON_PREFIX]: jury.scoreButton,
  [GITHUB_BUTTON_PREFIX]: github.checkButton,
  [GITHUB_DRAFT_PREFIX]: github.draftButton,
  [START_PREFIX]: startGuide.startControl,
  [MENTOR_PREFIX]: mentor.acceptButton,
};

/**
 * How a slow component is acknowledged where it differs from the default (a click on a public message answers
 * privately, one on a private message updates it): appeal and lease decisions update their public post, and choosing
 * an offer answers with a new private message.
 */
export const componentLateAnswers: Partial<Record<string, LateAnswer>> = {
  [APPEAL_BUTTON_PREFIX]: "update",
  [LEASE_PREFIX]: "update",
  [CHOOSE_PREFIX]: "reply",
  [GITHUB_DRAFT_PREFIX]: "update",
  // The guide stays: its rules answer in a message of their own.
  [START_PREFIX]: "reply",
};

/** Modal handlers by the first `:`-separated part of the modal's custom id. */
export const modalHandlers: Record<string, ModalHandler> = {
  [PROPOSAL_MODAL_PREFIX]: proposals.editModal,
  [CONTRIBUTION_FORM_PREFIX]: contribute.submitForm,
  [PAYOUT_REJECT_MODAL_PREFIX]: payout.rejectModal,
  [WALLET_VERIFY_FORM_PREFIX]: wallet.verifyForm,
  [JURY_MODAL_PREFIX]: jury.scoreModal,
  [START_WALLET_FORM]: startGuide.startWallet,
};
