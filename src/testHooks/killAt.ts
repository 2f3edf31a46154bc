import type { SettlementStep } from "../services/settlement/settlementDeps.ts";

/**
 * Crash-test hook, not a setting: the settlement crash tests (test/cli/settlementKills.test.ts) start Steward with
 * STEWARD_KILL_AT in its environment to kill it at a chosen step. It is read here, from the environment, and nowhere
 * else, so it stays out of the configuration schema and the operators' settings reference.
 */
export function crashTestCheckpoint(env: NodeJS.ProcessEnv = process.env) {
  return killSwitch(env.STEWARD_KILL_AT?.trim() || undefined);
}

/**
 * STEWARD_KILL_AT="step", "step:n" or "step:n@proposal": SIGKILL this process the n-th time (default the first)
 * settlement passes that step (of that proposal's payout, when given).
 */
export function killSwitch(spec: string | undefined, kill: () => void = () => process.kill(process.pid, "SIGKILL")) {
  if (!spec) return () => {};
  const match = /^([a-z-]+)(?::(\d+))?(?:@(\d+))?$/.exec(spec);
  if (!match) throw new Error(`STEWARD_KILL_AT: "${spec}" is not step[:n][@proposal]`);
  const [, step, nth = "1", proposal] = match;
  let seen = 0;
  return (point: SettlementStep, proposalId: number) => {
    if (point !== step || (proposal !== undefined && Number(proposal) !== proposalId)) return;
    seen++;
    if (seen === Number(nth)) kill();
  };
}
