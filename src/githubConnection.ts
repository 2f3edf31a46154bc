import type { Config } from "./config.ts";
import { DeviceLinks } from "./services/github/deviceLinks.ts";
import type { GithubDeps } from "./services/github/githubDeps.ts";

export const GITHUB_API = "https://api.github.com";
/** The local GitHub's port when GITHUB_SANDBOX_PORT is unset (beside the Discord sandbox's 3210). */
export const GITHUB_SANDBOX_DEFAULT_PORT = 3220;

/** The local GitHub the sandbox started: its URL, a token of its reader user, and its OAuth app. */
export interface LocalGithub {
  url: string;
  token: string;
  clientId: string;
}

/**
 * Whether and how Steward reads GitHub. Any GITHUB_* setting turns it on against what it names (GitHub itself by
 * default); in the sandbox the local GitHub fills what is not set. With neither, it is off: code links stay claims and
 * evaluations run as they did before GitHub was read.
 */
export function githubConnection(config: Config, local: LocalGithub | undefined): GithubDeps | undefined {
  const configured = Boolean(config.GITHUB_API_URL || config.GITHUB_CLIENT_ID || config.GITHUB_TOKEN);
  if (!configured && !local) return undefined;
  // A configured API URL is another GitHub than the local one: its tokens and apps are not the local ones.
  const useLocal = local && !config.GITHUB_API_URL ? local : undefined;
  return {
    apiUrl: (config.GITHUB_API_URL ?? useLocal?.url ?? GITHUB_API).replace(/\/+$/, ""),
    token: config.GITHUB_TOKEN ?? useLocal?.token,
    clientId: config.GITHUB_CLIENT_ID ?? useLocal?.clientId,
    factsTimeoutMs: config.GITHUB_FACTS_TIMEOUT,
    links: new DeviceLinks(),
  };
}

/** The port the sandbox's local GitHub listens on: set, else 3220, else (SANDBOX_PORT=0, tests) a free one. */
export function githubSandboxPort(config: Config): number {
  if (config.GITHUB_SANDBOX_PORT !== undefined) return config.GITHUB_SANDBOX_PORT;
  return config.SANDBOX_PORT === 0 ? 0 : GITHUB_SANDBOX_DEFAULT_PORT;
}

/** Whether the port is only the default: taken by something else, a free one will do (GITHUB_SANDBOX_PORT unset). */
export const githubSandboxPortIsDefault = (config: Config) => config.GITHUB_SANDBOX_PORT === undefined;
