import type { z } from "zod";

/** Which stored value a JSON column read is about: enough for a person to find the row. */
export interface JsonColumnAt {
  table: string;
  column: string;
  id: number | string;
}

/**
 * A JSON column whose stored value is not what the code writes there. Money is read from these columns, so a value
 * that does not parse stops the read (named, for a person to look at) instead of being taken at a guess.
 */
export class JsonColumnError extends Error {
  readonly table: string;
  readonly column: string;
  readonly id: number | string;
  readonly problems: string[];

  constructor(at: JsonColumnAt, problems: string[]) {
    super(`${at.table} ${at.id}, column ${at.column}: not what Steward writes (${problems.join("; ")})`);
    this.name = "JsonColumnError";
    this.table = at.table;
    this.column = at.column;
    this.id = at.id;
    this.problems = problems;
  }
}

/** The column's value as its schema says, or a `JsonColumnError` naming the row. */
export function readJsonColumn<S extends z.ZodType>(schema: S, at: JsonColumnAt, value: unknown): z.infer<S> {
  const parsed = schema.safeParse(value);
  if (parsed.success) return parsed.data;
  throw new JsonColumnError(
    at,
    parsed.error.issues.slice(0, 5).map((i) => `${i.path.length > 0 ? i.path.join(".") : "value"}: ${i.message}`),
  );
}
