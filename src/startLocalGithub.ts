import { type GithubSandbox, type SpecValidator, startGithubSandbox } from "@steward/github-sandbox";
import type { LocalGithub } from "./githubConnection.ts";

/** The local GitHub's user Steward reads facts as (its own primary limit, like a real bot account). */
export const LOCAL_GITHUB_READER = "steward-reader";
/** The OAuth app the local GitHub knows from the start. */
export const LOCAL_GITHUB_CLIENT_ID = "Iv1.sandbox";

/**
 * Starts the local GitHub beside the Discord sandbox, with a user for Steward to read as. With `stateFile` its users,
 * repositories and PRs survive a restart (the reader gets a new token each start).
 */
export async function startLocalGithub(options: {
  port: number;
  /** Another free port when `port` is taken (the port was only the default). */
  anyPortIfTaken?: boolean;
  host: string;
  stateFile?: string | undefined;
  validator?: SpecValidator | undefined;
  log: (line: string) => void;
}): Promise<{ sandbox: GithubSandbox; local: LocalGithub }> {
  const start = (port: number) =>
    startGithubSandbox({
      port,
      host: options.host,
      ...(options.stateFile ? { stateFile: options.stateFile } : {}),
      ...(options.validator ? { validator: options.validator } : {}),
      log: options.log,
    });
  const sandbox = await start(options.port).catch((error: Error) => {
    if (!options.anyPortIfTaken || options.port === 0 || !/already in use/.test(error.message)) throw error;
    options.log(
      `port ${options.port} is taken: the local GitHub listens on a free port instead (set GITHUB_SANDBOX_PORT to choose one)`,
    );
    return start(0);
  });
  const { state } = sandbox;
  const token = state.users.has(LOCAL_GITHUB_READER)
    ? state.issueToken(LOCAL_GITHUB_READER)
    : state.addUser({ login: LOCAL_GITHUB_READER, name: "Steward (reads code links)" }).token;
  return { sandbox, local: { url: sandbox.url, token, clientId: LOCAL_GITHUB_CLIENT_ID } };
}
