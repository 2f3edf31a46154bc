export interface Span {
  startsAt: Date;
  endsAt: Date;
}

/** Milliseconds of [from, to) covered by uptime spans (spans of one node never overlap; clipped to the window). */
export function coveredMs(spans: Span[], from: Date, to: Date): number {
  let total = 0;
  for (const s of spans) {
    const start = Math.max(s.startsAt.getTime(), from.getTime());
    const end = Math.min(s.endsAt.getTime(), to.getTime());
    if (end > start) total += end - start;
  }
  return total;
}

/** Uptime over a window as a fraction (0–1): covered time over the part of the window the node existed in. */
export function uptimeRatio(spans: Span[], from: Date, to: Date, registeredAt: Date): number {
  const start = new Date(Math.max(from.getTime(), registeredAt.getTime()));
  const window = to.getTime() - start.getTime();
  if (window <= 0) return 0;
  return Math.min(1, coveredMs(spans, start, to) / window);
}
