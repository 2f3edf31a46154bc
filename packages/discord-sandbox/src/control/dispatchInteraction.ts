import type { SandboxParts } from "../sandboxParts.ts";
import type { Json, PendingInteraction } from "../sandboxState.ts";
import { HttpError } from "./httpError.ts";

/** Sends an interaction to the bot over the gateway and waits (at most `waitMs`) for its final answer. */
export async function dispatchInteraction(parts: SandboxParts, p: PendingInteraction, payload: Json, waitMs: number) {
  const { state, gateway } = parts;
  if (!gateway.connected) throw new HttpError(503, "The bot is not connected to the sandbox gateway yet.");
  state.interactions.set(p.id, p);
  const done = new Promise<void>((resolve) => {
    p.waiters.push(resolve);
    setTimeout(resolve, waitMs).unref();
  });
  gateway.dispatch("INTERACTION_CREATE", payload);
  await done;
  return { interactionId: p.id, responses: p.responses, ...(p.final ? {} : { complete: false }) };
}
