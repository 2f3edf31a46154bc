import { coveredMs, type Span } from "./uptime.ts";

const HOUR = 3_600_000n;

/** What a lease would cost if fully delivered: GPUs × hours × price per GPU-hour (smallest units). */
export function agreedCost(lease: { gpuCount: number; hours: { toString(): string }; price: { toString(): string } }) {
  const centiHours = BigInt(Math.round(Number(lease.hours.toString()) * 100));
  return (BigInt(lease.price.toString()) * BigInt(lease.gpuCount) * centiHours) / 100n;
}

/**
 * What a lease earns its provider: GPUs × the time the node was online during the lease (heartbeat spans, up to
 * `until`) × price, rounded down; never more than agreed, since the lease's window bounds the time.
 */
export function deliveredCost(
  lease: {
    gpuCount: number;
    price: { toString(): string };
    startsAt: Date | null;
    endsAt: Date | null;
    endedAt: Date | null;
  },
  spans: Span[],
  until: Date,
) {
  if (!lease.startsAt || !lease.endsAt) return { ms: 0, amount: 0n };
  const end = new Date(
    Math.min(lease.endedAt?.getTime() ?? lease.endsAt.getTime(), lease.endsAt.getTime(), until.getTime()),
  );
  const ms = coveredMs(spans, lease.startsAt, end);
  return { ms, amount: (BigInt(lease.price.toString()) * BigInt(lease.gpuCount) * BigInt(ms)) / HOUR };
}
