import type { SandboxParts } from "../sandboxParts.ts";
import type { Json, SandboxRole } from "../sandboxState.ts";
import { snowflake } from "../snowflake.ts";
import { Created, HttpError } from "./httpError.ts";

/**
 * A server admin's roles: POST creates one (a name another role already has is allowed, as on Discord), PATCH
 * renames it or sets whether anyone may @mention it. Given by id, or by a name only one role carries.
 */
export function roleControl(parts: SandboxParts, method: string, nameOrId: string | undefined, body: Json) {
  const { state, gateway } = parts;
  const shape = (r: SandboxRole) => ({ id: r.id, name: r.name, mentionable: r.mentionable ?? true });
  if (body.mentionable !== undefined && typeof body.mentionable !== "boolean") {
    throw new HttpError(400, '"mentionable" must be true or false ("Allow anyone to @mention this role").');
  }
  const nameOf = (v: unknown) => {
    const name = typeof v === "string" ? v.trim() : "";
    if (name === "" || name.length > 100 || name === "@everyone") {
      throw new HttpError(400, 'Give the role\'s "name": 1-100 characters, not @everyone.');
    }
    return name;
  };
  if (nameOrId === undefined && method === "POST") {
    // Discord makes a new role not mentionable unless asked.
    const role: SandboxRole = {
      id: snowflake(),
      name: nameOf(body.name),
      position: state.roles.length,
      permissions: "0",
      mentionable: body.mentionable === true,
    };
    state.roles.push(role);
    state.rolesChanged();
    gateway.dispatch("GUILD_ROLE_CREATE", { guild_id: state.guildId, role: state.apiRole(role) });
    return new Created(shape(role));
  }
  if (nameOrId === undefined && method === "GET") return state.roles.filter((r) => r.id !== state.guildId).map(shape);
  const matches = state.roles.filter((r) => r.id !== state.guildId && (r.id === nameOrId || r.name === nameOrId));
  if (matches.length > 1) {
    throw new HttpError(
      409,
      `${matches.length} roles are named "${nameOrId}": give the role's id (GET /sandbox/roles).`,
    );
  }
  const role = matches[0];
  if (!role) throw new HttpError(404, `There is no role "${nameOrId}".`);
  if (method === "PATCH") {
    if (body.name !== undefined) role.name = nameOf(body.name);
    if (body.mentionable !== undefined) role.mentionable = body.mentionable as boolean;
    state.rolesChanged();
    gateway.dispatch("GUILD_ROLE_UPDATE", { guild_id: state.guildId, role: state.apiRole(role) });
    return shape(role);
  }
  if (method === "GET") return shape(role);
  throw new HttpError(404, `The sandbox control API has no ${method} on a role.`);
}
