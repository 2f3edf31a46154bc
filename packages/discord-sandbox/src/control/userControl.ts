import { discordLocaleProblem } from "../discordLocales.ts";
import { type Json, ROLE_NAMES, type SandboxState, type SandboxUser } from "../sandboxState.ts";
import { Created, HttpError } from "./httpError.ts";

/** `POST /sandbox/users`: a user, made or (when the name exists) updated with the roles and options given. */
export function createUser(state: SandboxState, body: Json) {
  const username = typeof body.username === "string" ? body.username.trim() : "";
  if (!/^[^@#:`\s][^@#:`]{0,31}$/.test(username) || /^\d+$/.test(username)) {
    throw new HttpError(400, "username must be 1-32 characters, not only digits, without @ # : or `.");
  }
  const roles = body.roles === undefined ? undefined : body.roles;
  // A role made with POST /sandbox/roles is given by its id: its name may be another role's too.
  const knownRole = (r: unknown) =>
    (ROLE_NAMES as readonly string[]).includes(String(r)) ||
    state.roles.some((x) => x.id === String(r) && x.id !== state.guildId);
  if (roles !== undefined && (!Array.isArray(roles) || !roles.every(knownRole))) {
    throw new HttpError(
      400,
      `roles must be a list of role names from: ${ROLE_NAMES.join(", ")}, or ids of roles made with POST /sandbox/roles.`,
    );
  }
  if (body.inGuild !== undefined && typeof body.inGuild !== "boolean") {
    throw new HttpError(400, "inGuild must be true or false (false: a Discord user who is not in the guild).");
  }
  const joinedAt = body.joinedAt;
  if (joinedAt !== undefined && (typeof joinedAt !== "string" || Number.isNaN(Date.parse(joinedAt)))) {
    throw new HttpError(
      400,
      "joinedAt must be an ISO date such as 2026-01-31T12:00:00Z (when the user joined the guild).",
    );
  }
  if (body.locale !== undefined) {
    const problem = discordLocaleProblem(body.locale);
    if (problem) throw new HttpError(400, problem);
  }
  const options = {
    ...(body.locale !== undefined ? { locale: body.locale as string } : {}),
    ...(body.inGuild !== undefined ? { inGuild: body.inGuild as boolean } : {}),
    ...(joinedAt !== undefined ? { joinedAt: new Date(joinedAt as string).toISOString() } : {}),
  };
  const shape = (u: SandboxUser) => ({
    id: u.id,
    username: u.username,
    roles: u.roles,
    inGuild: u.inGuild,
    joinedAt: u.joinedAt,
    locale: u.locale ?? "en-US",
  });
  // Creating an existing user is not an error: it returns that user, with the roles and options given applied.
  const existing = state.findUser(username);
  if (existing) {
    return shape(state.updateUser(existing, { ...(roles ? { roles: roles.map(String) } : {}), ...options }));
  }
  const user = state.addUser(username, (roles ?? []).map(String), options);
  return new Created(shape(user));
}

/** `POST /sandbox/users/bulk`: many guild members at once, prefix1 … prefixN. */
export function createUsersInBulk(state: SandboxState, body: Json) {
  // Many guild members at once (a large server whose members mostly never use Steward): prefix1 … prefixN.
  const prefix = typeof body.prefix === "string" ? body.prefix.trim() : "";
  const count = body.count;
  if (typeof count !== "number" || !Number.isInteger(count) || count < 1 || count > 100_000) {
    throw new HttpError(400, "count must be a whole number from 1 to 100000.");
  }
  if (!/^[^@#:`\s\d][^@#:`]*$/.test(prefix) || prefix.length + String(count).length > 32) {
    throw new HttpError(
      400,
      "prefix must start with a letter, have no @ # : or `, and leave room for the number (32 characters in all).",
    );
  }
  const roles = body.roles === undefined ? [] : body.roles;
  // As for one user: the built-in roles by name, a role made with POST /sandbox/roles by its id.
  const knownRole = (r: unknown) =>
    (ROLE_NAMES as readonly string[]).includes(String(r)) ||
    state.roles.some((x) => x.id === String(r) && x.id !== state.guildId);
  if (!Array.isArray(roles) || !roles.every(knownRole)) {
    throw new HttpError(
      400,
      `roles must be a list of role names from: ${ROLE_NAMES.join(", ")}, or ids of roles made with POST /sandbox/roles.`,
    );
  }
  const joinedAt = body.joinedAt;
  if (joinedAt !== undefined && (typeof joinedAt !== "string" || Number.isNaN(Date.parse(joinedAt)))) {
    throw new HttpError(400, "joinedAt must be an ISO date such as 2026-01-31T12:00:00Z.");
  }
  const taken = new Set([...state.users.values()].map((u) => u.username));
  let created = 0;
  for (let n = 1; n <= count; n++) {
    const username = `${prefix}${n}`;
    // Users that exist already are left as they are.
    if (taken.has(username)) continue;
    state.addUser(username, roles.map(String), {
      ...(joinedAt !== undefined ? { joinedAt: new Date(joinedAt as string).toISOString() } : {}),
    });
    created++;
  }
  return new Created({ created, existing: count - created, first: `${prefix}1`, last: `${prefix}${count}` });
}
