import type { Prisma } from "../../generated/prisma/client.ts";
import type { ServiceDeps } from "../deps.ts";
import { declaredOf } from "./declaredSpecs.ts";
import type { Offer } from "./rankOffers.ts";
import { type ReportedSpecs, readShortfallOrNull, verifiedCapacity } from "./reportedSpecs.ts";
import { uptimeRatio } from "./uptime.ts";

const WEEK = 7 * 86_400_000;

/** Every live node of the guild as an offer: online or not, free GPUs (verified, not leased), uptime over 7 days. */
export async function loadOffers(
  db: ServiceDeps["db"] | Prisma.TransactionClient,
  guildId: string,
  now: Date,
): Promise<Offer[]> {
  const nodes = await db.computeNode.findMany({
    where: { guildId, status: { not: "retired" } },
    include: {
      spans: { where: { endsAt: { gte: new Date(now.getTime() - WEEK) } } },
      leases: { where: { status: "active" }, select: { gpuCount: true } },
    },
    orderBy: { id: "asc" },
  });
  return nodes.map((n) => {
    const verified = verifiedCapacity(declaredOf(n), n.reportedSpecs as ReportedSpecs | null).gpus;
    const leased = n.leases.reduce((s, l) => s + l.gpuCount, 0);
    return {
      id: n.id,
      name: n.name,
      gpuModel: n.gpuModel,
      freeGpus: Math.max(0, verified - leased),
      vramGb: n.vramGb,
      region: n.region,
      price: BigInt(n.price.toString()),
      online: n.status === "online",
      uptime: uptimeRatio(n.spans, new Date(now.getTime() - WEEK), now, n.registeredAt),
      shortfall: readShortfallOrNull(n.shortfall),
    };
  });
}
