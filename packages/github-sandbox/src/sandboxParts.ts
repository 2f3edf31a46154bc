import type { ControlParts } from "./control/control.ts";
import type { GithubRest } from "./githubRest.ts";
import type { RateLimitSettings } from "./rateLimits.ts";
import type { SpecValidator } from "./specValidator.ts";

export interface GithubSandboxOptions {
  /** 0 (the default): any free port. */
  port?: number;
  /** Default 127.0.0.1; the control API acts as any user, so it warns about any other address. */
  host?: string;
  /** GitHub's limits, or smaller ones for tests (see RateLimitSettings). */
  rateLimits?: Partial<RateLimitSettings>;
  /** Seconds between device-flow polls the server asks for (GitHub: 5). */
  deviceInterval?: number;
  /** Every 200 answer checked against GitHub's OpenAPI description; violations in `sandbox.violations`. */
  validator?: SpecValidator;
  /** Keep the users, tokens, repositories, PRs, issues and gists in this JSON file across restarts (absent: memory). */
  stateFile?: string;
  /** Milliseconds every REST answer waits (a slow GitHub); the control API changes it. */
  latencyMs?: number;
  log?: (line: string) => void;
}

export interface SandboxParts extends ControlParts {
  rest: GithubRest;
  validator: SpecValidator | undefined;
  options: GithubSandboxOptions;
  /** Called after every change the control API or the device flow makes (writes the state file, if any). */
  changed(): void;
}
