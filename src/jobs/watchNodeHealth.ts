import type { Logger } from "../logger.ts";
import { checkNodeHealth } from "../services/compute/nodeHealth.ts";
import type { ServiceDeps } from "../services/deps.ts";
import { watchEvery } from "./watchEvery.ts";

/**
 * Runs the compute network's clock every half heartbeat interval (at most every 5 s), so that a node turns offline
 * two intervals after its last heartbeat, not at the next cron minute or the next request.
 */
export function watchNodeHealth(
  services: Pick<ServiceDeps, "compute" | "db" | "now" | "token">,
  logger: Logger,
): () => void {
  const everyMs = Math.max(100, Math.min(services.compute.heartbeatIntervalMs / 2, 5000));
  return watchEvery(
    everyMs,
    async () => {
      await checkNodeHealth(services);
    },
    logger,
    "could not check the nodes' health",
  );
}
