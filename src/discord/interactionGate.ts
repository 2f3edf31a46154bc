import type { Interaction } from "discord.js";
import { ephemeral } from "./reply.ts";

/** Whether interactions are taken, and those being handled: a stopping process answers the ones it has. */
export interface InteractionGate {
  closed: boolean;
  running: Set<Promise<unknown>>;
}

export const createInteractionGate = (): InteractionGate => ({ closed: false, running: new Set() });

/** Runs a handler under the gate (counted until it has answered). */
export function throughGate(gate: InteractionGate, run: () => Promise<unknown>): void {
  const handled = run();
  gate.running.add(handled);
  void handled.finally(() => gate.running.delete(handled)).catch(() => {});
}

/** An interaction arriving while Steward stops: said so at once, nothing is done. */
export async function refuseWhileStopping(interaction: Interaction): Promise<void> {
  if (interaction.isAutocomplete()) {
    await interaction.respond([]);
  } else if (interaction.isRepliable()) {
    await interaction.reply(
      ephemeral({
        content: "Steward is restarting and did not take this. Nothing was changed: try again in a minute.",
      }),
    );
  }
}

/** Stops taking interactions; resolves once those being handled have answered, or at `deadline`: how many had not. */
export async function closeGate(gate: InteractionGate, deadline: number): Promise<number> {
  gate.closed = true;
  await Promise.race([
    Promise.allSettled([...gate.running]),
    new Promise((r) => setTimeout(r, Math.max(0, deadline - Date.now())).unref()),
  ]);
  return gate.running.size;
}
