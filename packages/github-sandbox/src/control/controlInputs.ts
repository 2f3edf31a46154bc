import { type GithubFile, HttpError } from "../githubState.ts";

export type Json = Record<string, unknown>;

export function text(body: Json, key: string): string {
  const value = body[key];
  if (typeof value !== "string" || value === "") throw new HttpError(400, `"${key}" must be a non-empty string.`);
  return value;
}

export function optionalText(body: Json, key: string): string | undefined {
  if (body[key] === undefined || body[key] === null) return undefined;
  return text(body, key);
}

export function optionalBoolean(body: Json, key: string): boolean | undefined {
  const value = body[key];
  if (value === undefined) return undefined;
  if (typeof value !== "boolean") throw new HttpError(400, `"${key}" must be true or false.`);
  return value;
}

export function count(value: unknown, key: string): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0) {
    throw new HttpError(400, `"${key}" must be a whole number, 0 or more.`);
  }
  return value;
}

export function logins(body: Json, key: string): string[] {
  const value = body[key] ?? [];
  if (!Array.isArray(value) || value.some((v) => typeof v !== "string")) {
    throw new HttpError(400, `"${key}" must be a list of logins.`);
  }
  return value as string[];
}

export function numbers(body: Json, key: string): number[] {
  const value = body[key] ?? [];
  if (!Array.isArray(value)) throw new HttpError(400, `"${key}" must be a list of numbers.`);
  return value.map((v) => count(v, key));
}

const STATUSES = new Set(["added", "removed", "modified", "renamed"]);

/** `files`: [{ filename, additions, deletions, status?, patch? }] */
export function files(body: Json): GithubFile[] {
  const value = body.files ?? [];
  if (!Array.isArray(value)) throw new HttpError(400, `"files" must be a list of { filename, additions, deletions }.`);
  return value.map((f: Json) => {
    const status = f.status ?? "modified";
    if (typeof status !== "string" || !STATUSES.has(status)) {
      throw new HttpError(400, `A file's "status" is one of ${[...STATUSES].join(", ")}.`);
    }
    const patch = optionalText(f, "patch");
    return {
      filename: text(f, "filename"),
      additions: count(f.additions ?? 0, "additions"),
      deletions: count(f.deletions ?? 0, "deletions"),
      status: status as GithubFile["status"],
      ...(patch !== undefined ? { patch } : {}),
    };
  });
}
