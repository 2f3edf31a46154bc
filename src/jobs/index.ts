import { closeEpochJob } from "./closeEpochJob.ts";
import { closeVotesJob } from "./closeVotesJob.ts";
import { evaluateJob } from "./evaluateJob.ts";
import { nodeHealthJob } from "./nodeHealthJob.ts";
import { remindJob } from "./remindJob.ts";
import { repostJob } from "./repostJob.ts";
import { settleJob } from "./settleJob.ts";
import type { Job } from "./types.ts";
import { verifyAuditJob } from "./verifyAuditJob.ts";

export const jobs: readonly Job[] = [
  evaluateJob,
  closeEpochJob,
  closeVotesJob,
  remindJob,
  settleJob,
  repostJob,
  verifyAuditJob,
  nodeHealthJob,
];
