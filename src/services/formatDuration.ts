/** 172800000 → "48h", 5000 → "5s", 90000 → "1m 30s": the largest units, as people write durations. */
export function formatDuration(ms: number): string {
  const units: [string, number][] = [
    ["d", 86_400_000],
    ["h", 3_600_000],
    ["m", 60_000],
    ["s", 1000],
  ];
  if (ms < 1000) return `${ms}ms`;
  const parts: string[] = [];
  let rest = ms;
  for (const [unit, size] of units) {
    const n = Math.floor(rest / size);
    if (n > 0) parts.push(`${n}${unit}`);
    rest -= n * size;
    if (parts.length === 2) break;
  }
  // 48h reads better than 2d; keep days only when they are not a whole number of days under a week.
  if (ms % 86_400_000 === 0 && ms < 7 * 86_400_000) return `${ms / 3_600_000}h`;
  return parts.join(" ");
}
