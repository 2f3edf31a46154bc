import { audit } from "./audit.ts";
import { ballot } from "./ballot.ts";
import { budget } from "./budget.ts";
import { commands } from "./commands.ts";
import { common } from "./common.ts";
import { compute } from "./compute.ts";
import { contribution } from "./contribution.ts";
import { distribution } from "./distribution.ts";
import { epoch } from "./epoch.ts";
import { errors } from "./errors.ts";
import { evaluation } from "./evaluation.ts";
import { explain } from "./explain.ts";
import { github } from "./github.ts";
import { help } from "./help.ts";
import { jury } from "./jury.ts";
import { mentor } from "./mentor.ts";
import { notes } from "./notes.ts";
import { payout } from "./payout.ts";
import { policy } from "./policy.ts";
import { privacy } from "./privacy.ts";
import { proposal } from "./proposal.ts";
import { reminder } from "./reminder.ts";
import { setup } from "./setup.ts";
import { start } from "./start.ts";
import { steward } from "./steward.ts";
import { wallet } from "./wallet.ts";
import { web } from "./web.ts";

/** Every namespace of the catalog, by name (its keys start with the name and a dot). */
export const namespaces = {
  budget,
  common,
  errors,
  contribution,
  evaluation,
  github,
  proposal,
  ballot,
  epoch,
  policy,
  payout,
  wallet,
  audit,
  privacy,
  jury,
  mentor,
  compute,
  setup,
  help,
  notes,
  reminder,
  start,
  steward,
  commands,
  web,
  explain,
  distribution,
};

export const en = {
  ...budget,
  ...common,
  ...errors,
  ...contribution,
  ...evaluation,
  ...github,
  ...proposal,
  ...ballot,
  ...epoch,
  ...policy,
  ...payout,
  ...wallet,
  ...audit,
  ...privacy,
  ...jury,
  ...mentor,
  ...compute,
  ...setup,
  ...help,
  ...notes,
  ...reminder,
  ...start,
  ...steward,
  ...commands,
  ...web,
  ...explain,
  ...distribution,
};
