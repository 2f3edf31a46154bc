// The public API of @steward/github-sandbox: what Steward's tests, benchmarks and start use. Everything else in src/
// is the sandbox's own and may change.

export type { GithubFile, GithubState } from "./githubState.ts";
export { GITHUB_LIMITS, type RateLimitSettings } from "./rateLimits.ts";
export type { GithubSandboxOptions } from "./sandboxParts.ts";
export { defaultSpecPath, SpecValidator, type SpecViolation } from "./specValidator.ts";
export { type GithubSandbox, startGithubSandbox } from "./startGithubSandbox.ts";
