import type { ResponseView, SandboxClient } from "./sandboxClient.ts";

type Message = Awaited<ReturnType<SandboxClient["messages"]>>[number];

/**
 * The #governance message of a proposal (not its result): titled "Proposal #N · …", with a Kind field. Posts are
 * made by the publisher a moment after the change they show: it waits for the post, and for a button labelled
 * `withButton` on it when given (the ballot appears once the vote is open).
 */
export async function proposalPost(client: SandboxClient, id: number, withButton?: string): Promise<Message> {
  return waitForMessage(
    client,
    (m) =>
      m.embeds[0]?.title?.startsWith(`Proposal #${id} · `) === true &&
      m.embeds[0]?.fields?.some((f) => f.name === "Kind") === true &&
      (withButton === undefined || m.components.some((r) => r.components?.some((c) => c.label === withButton))),
  );
}

/** Waits until a message of the channel (#governance by default) matches: jobs post asynchronously. */
export async function waitForMessage(
  client: SandboxClient,
  match: (m: Message) => boolean,
  timeoutMs = 20_000,
  channel = "governance",
): Promise<Message> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const found = (await client.messages(channel)).find(match);
    if (found) return found;
    if (Date.now() > deadline) throw new Error(`timed out waiting for a #${channel} message`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** The custom id of the component labelled `label` (buttons) on a message or response. */
export function componentId(m: Pick<ResponseView, "components">, label: string): string {
  for (const row of m.components) {
    for (const c of row.components ?? []) if (c.label === label && c.custom_id) return c.custom_id;
  }
  throw new Error(`no component labelled ${label}`);
}

/** The custom id of the first select menu on a message or response. */
export function selectId(m: Pick<ResponseView, "components">): string {
  for (const row of m.components) {
    for (const c of row.components ?? []) if (c.type === 3 && c.custom_id) return c.custom_id;
  }
  throw new Error("no select menu");
}

/** Waits for the result of a proposal, posted in #governance by close-votes (its title has no Kind field). */
export function resultPost(client: SandboxClient, id: number): Promise<Message> {
  return waitForMessage(
    client,
    (m) =>
      m.embeds[0]?.title?.startsWith(`Proposal #${id} · `) === true &&
      !m.embeds[0]?.fields?.some((f) => f.name === "Kind"),
  );
}
