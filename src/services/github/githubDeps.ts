import type { DeviceLinks } from "./deviceLinks.ts";

/** Where Steward reads GitHub: the API (and device flow) base URL, the token facts are read with, the OAuth app. */
export interface GithubDeps {
  /** Octokit's `baseUrl`: https://api.github.com, or the local GitHub. */
  apiUrl: string;
  /** Reads facts with it (absent: unauthenticated, GitHub's 60 requests an hour). */
  token?: string | undefined;
  /** The OAuth app `/github link` runs the device flow with (absent: linking is off). */
  clientId?: string | undefined;
  /** How long an evaluation waits for its links' facts before they count as claims. */
  factsTimeoutMs: number;
  /** The device flows of `/github link` this process is polling. */
  links: DeviceLinks;
}
