import type { DiscordRest } from "./discordRest.ts";
import type { SandboxGateway } from "./gateway.ts";
import type { RestFaults } from "./restFaults.ts";
import type { SandboxState } from "./sandboxState.ts";
import type { SpecValidator, SpecViolation } from "./specValidator.ts";

export interface SandboxOptions {
  port?: number;
  host?: string;
  /** When given, every REST body in and out is checked against Discord's OpenAPI spec; failures are collected. */
  validator?: SpecValidator | undefined;
  log?: (line: string) => void;
  /** Where lines that report no problem go ("sandbox restored from …"); `log` when absent. */
  info?: (line: string) => void;
  /** Keeps the guild, users and messages in this file across restarts (default: in memory only). */
  stateFile?: string | undefined;
}

/** What the sandbox's request handlers share: its state, gateway, REST API, injected faults and spec violations. */
export interface SandboxParts {
  state: SandboxState;
  gateway: SandboxGateway;
  rest: DiscordRest;
  faults: RestFaults;
  violations: SpecViolation[];
  options: SandboxOptions;
}
