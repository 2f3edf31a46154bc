export function isUniqueViolation(error: unknown): boolean {
  // P2002's `meta` differs between driver adapters; the code alone is reliable. 23505: the same from plain SQL.
  const code = (error as { code?: unknown } | null)?.code;
  return code === "P2002" || code === "23505";
}
