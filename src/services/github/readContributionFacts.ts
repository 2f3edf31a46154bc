import type { LinkFacts } from "../../base/githubFacts.ts";
import type { ServiceDeps } from "../deps.ts";
import { FactsReadStopped } from "./factsReadStopped.ts";
import { GithubReader, LinkStaysClaim } from "./githubReader.ts";
import { githubTarget } from "./githubTarget.ts";
import { askedAhead, type LinkNode, type NodeTarget, readLinkNode } from "./linkNodes.ts";
import { type ReadParts, readLinkFacts } from "./readLinkFacts.ts";

/**
 * What GitHub says each github.com code link (PR, commit, issue) of a contribution is, read before it is evaluated,
 * never from an interaction. Links GitHub cannot tell about within GITHUB_FACTS_TIMEOUT (not found or private,
 * rate-limited past the wait, unreachable) are returned as claims with the reason. Undefined when GitHub is not read.
 * When `shutdown` aborts, the reads in flight are aborted and `FactsReadStopped` is thrown: a link cut short by a
 * shutdown is not a claim GitHub could not check, so the caller records nothing and the next start reads again.
 */
export async function readContributionFacts(
  deps: Pick<ServiceDeps, "db" | "github" | "now">,
  links: readonly string[],
  shutdown?: AbortSignal,
): Promise<LinkFacts[] | undefined> {
  const github = deps.github;
  if (!github) return undefined;
  const seen = new Set<string>();
  const targets = links.flatMap((raw) => {
    const t = githubTarget(raw);
    if (!t || seen.has(t.key)) return [];
    seen.add(t.key);
    return [t];
  });
  if (targets.length === 0) return [];
  if (shutdown?.aborted) throw new FactsReadStopped();
  const cached = await deps.db.githubLinkRead.findMany({ where: { key: { in: targets.map((t) => t.key) } } });
  const previous = new Map(cached.map((c) => [c.key, c.parts as ReadParts]));
  const stop = new AbortController();
  const timer = setTimeout(() => stop.abort(), github.factsTimeoutMs);
  const stopNow = () => stop.abort();
  shutdown?.addEventListener("abort", stopNow, { once: true });
  const deadline = Date.now() + github.factsTimeoutMs;
  const reader = new GithubReader(github, stop.signal, deadline);
  // Every PR and issue link asked at once, so that one GraphQL query serves them (and those of other evaluations).
  const nodes = new Map<string, Promise<LinkNode | undefined>>();
  for (const t of targets) {
    if (t.kind === "commit") continue;
    const own = () => readLinkNode(github, t, stop.signal, deadline);
    const ahead = askedAhead(github, t.key);
    // Asked ahead but not answered in that batch's time: this evaluation's own wait still counts.
    const node = ahead
      ? ahead.catch((error: unknown) => {
          if (error instanceof LinkStaysClaim && (error.reason === "timeout" || error.reason === "rate_limited"))
            return own();
          throw error;
        })
      : own();
    // Awaited by readLinkFacts below; a rejection is its to handle, not an unhandled one meanwhile.
    node.catch(() => {});
    nodes.set(t.key, node);
  }
  const nodeOf = (t: NodeTarget) => nodes.get(t.key) ?? Promise.resolve(undefined);
  const out: LinkFacts[] = [];
  try {
    for (const target of targets) {
      const readAt = deps.now().toISOString();
      let read: Awaited<ReturnType<typeof readLinkFacts>>;
      try {
        read = await readLinkFacts(reader, target, previous.get(target.key) ?? {}, readAt, nodeOf);
      } catch (error) {
        if (shutdown?.aborted) throw new FactsReadStopped();
        const reason = error instanceof LinkStaysClaim ? error.reason : stop.signal.aborted ? "timeout" : "unreachable";
        out.push({ status: "claim", key: target.key, url: target.url, readAt, reason });
        continue;
      }
      if (shutdown?.aborted) throw new FactsReadStopped();
      const row = { parts: read.parts as object, readAt: new Date(readAt) };
      await deps.db.githubLinkRead.upsert({
        where: { key: target.key },
        create: { key: target.key, ...row },
        update: row,
      });
      out.push(read.facts);
    }
  } finally {
    clearTimeout(timer);
    shutdown?.removeEventListener("abort", stopNow);
  }
  return out;
}
