import { randomBytes } from "node:crypto";
import { botPermissions } from "./channelPermissions.ts";
import type {
  Json,
  PendingInteraction,
  SandboxChannel,
  SandboxState,
  SandboxUser,
  StoredMessage,
} from "./sandboxState.ts";
import { snowflake } from "./snowflake.ts";
import { walkComponents } from "./walkComponents.ts";

/** A request the sandbox refuses the way Discord's client would: with a reason a person can act on. */
export class SandboxInputError extends Error {
  override name = "SandboxInputError";
}

interface OptionDef {
  type: number;
  name: string;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  min_length?: number;
  max_length?: number;
  min_value?: number;
  max_value?: number;
  options?: OptionDef[];
}

const OPTION_TYPE = {
  SUB: 1,
  GROUP: 2,
  STRING: 3,
  INTEGER: 4,
  BOOLEAN: 5,
  USER: 6,
  CHANNEL: 7,
  ROLE: 8,
  MENTIONABLE: 9,
  NUMBER: 10,
};

export function newPendingInteraction(
  type: number,
  user: SandboxUser,
  channel: SandboxChannel,
  sourceMessageId?: string,
): PendingInteraction {
  return {
    id: snowflake(),
    token: `aW50ZXJhY3Rpb24${randomBytes(48).toString("base64url")}`,
    type,
    userId: user.id,
    channelId: channel.id,
    createdAt: Date.now(),
    acknowledged: false,
    deferred: false,
    final: false,
    responses: [],
    waiters: [],
    ...(sourceMessageId ? { sourceMessageId } : {}),
  };
}

function base(state: SandboxState, p: PendingInteraction, user: SandboxUser, channel: SandboxChannel): Json {
  return {
    id: p.id,
    application_id: state.applicationId,
    type: p.type,
    token: p.token,
    version: 1,
    guild_id: state.guildId,
    guild: { id: state.guildId, locale: state.guildLocale, features: [] },
    channel_id: channel.id,
    channel: state.apiChannel(channel),
    member: state.apiMember(user),
    // What the bot may do in this channel (overwrites included), as Discord sends it.
    app_permissions: botPermissions(state, channel).toString(),
    locale: user.locale ?? "en-US",
    guild_locale: state.guildLocale,
    // discord.js never acknowledges an interaction that lacks these two.
    entitlements: [],
    authorizing_integration_owners: { "0": state.guildId },
    context: 0,
    attachment_size_limit: 26_214_400,
  };
}

/** Builds the APPLICATION_COMMAND interaction for "contribute submit" with options given by name. */
export function buildCommandInteraction(
  state: SandboxState,
  p: PendingInteraction,
  user: SandboxUser,
  channel: SandboxChannel,
  commandPath: string,
  options: Record<string, unknown>,
): Json {
  const parts = commandPath.trim().replace(/^\//, "").split(/\s+/);
  const [name = "", ...rest] = parts;
  const command = state.guildCommands.find((c) => c.name === name) ?? state.globalCommands.find((c) => c.name === name);
  if (!command) {
    const known = [...state.guildCommands, ...state.globalCommands].map((c) => `/${c.name}`).join(", ");
    throw new SandboxInputError(`There is no command /${name}. Registered commands: ${known || "none yet"}.`);
  }
  const resolved: { users: Json; members: Json; channels: Json; roles: Json } = {
    users: {},
    members: {},
    channels: {},
    roles: {},
  };
  let defs = (command.options ?? []) as OptionDef[];
  const wrappers: OptionDef[] = [];
  for (const part of rest) {
    const sub = defs.find((d) => (d.type === OPTION_TYPE.SUB || d.type === OPTION_TYPE.GROUP) && d.name === part);
    if (!sub) throw new SandboxInputError(`/${name} has no subcommand "${part}".`);
    wrappers.push(sub);
    defs = sub.options ?? [];
  }
  const needsSub = defs.some((d) => d.type === OPTION_TYPE.SUB || d.type === OPTION_TYPE.GROUP);
  if (needsSub) {
    const subs = defs.map((d) => d.name).join(", ");
    throw new SandboxInputError(`/${parts.join(" ")} needs a subcommand: ${subs}.`);
  }
  const leaf = convertOptions(state, `/${parts.join(" ")}`, defs, options, resolved);
  let tree: unknown[] = leaf;
  for (const w of wrappers.reverse()) tree = [{ type: w.type, name: w.name, options: tree }];
  const hasResolved = Object.values(resolved).some((v) => Object.keys(v).length > 0);
  return {
    ...base(state, p, user, channel),
    data: {
      id: command.id,
      name: command.name,
      type: 1,
      guild_id: state.guildId,
      ...(tree.length > 0 ? { options: tree } : {}),
      ...(hasResolved ? { resolved } : {}),
    },
  };
}

function convertOptions(
  state: SandboxState,
  path: string,
  defs: OptionDef[],
  given: Record<string, unknown>,
  resolved: { users: Json; members: Json; channels: Json; roles: Json },
): Json[] {
  for (const key of Object.keys(given)) {
    if (!defs.some((d) => d.name === key)) {
      const known = defs.map((d) => d.name).join(", ") || "none";
      throw new SandboxInputError(`${path} has no option "${key}". Its options: ${known}.`);
    }
  }
  const out: Json[] = [];
  for (const def of defs) {
    const raw = given[def.name];
    // An empty string is sent as given: the bot's own validation answers it.
    if (raw === undefined || raw === null || (raw === "" && def.type !== OPTION_TYPE.STRING)) {
      if (def.required) throw new SandboxInputError(`${path} needs the option "${def.name}".`);
      continue;
    }
    const value = convertValue(state, path, def, raw, resolved);
    if (def.choices && !def.choices.some((c) => c.value === value)) {
      const allowed = def.choices.map((c) => String(c.value)).join(", ");
      throw new SandboxInputError(`"${String(raw)}" is not a choice for ${def.name}. Choose one of: ${allowed}.`);
    }
    out.push({ name: def.name, type: def.type, value });
  }
  return out;
}

function convertValue(
  state: SandboxState,
  path: string,
  def: OptionDef,
  raw: unknown,
  resolved: { users: Json; members: Json; channels: Json; roles: Json },
): unknown {
  const text = String(raw);
  switch (def.type) {
    case OPTION_TYPE.STRING: {
      if (/[\r\n]/.test(text)) {
        throw new SandboxInputError(
          `${def.name}: Discord's slash-command text options are one line (a line break cannot be typed there); multi-line text goes in a modal.`,
        );
      }
      if (def.max_length !== undefined && text.length > def.max_length) {
        throw new SandboxInputError(
          `${def.name} must be at most ${def.max_length} characters (it has ${text.length}).`,
        );
      }
      if (def.min_length !== undefined && text.length < def.min_length) {
        throw new SandboxInputError(`${def.name} must be at least ${def.min_length} characters.`);
      }
      return text;
    }
    case OPTION_TYPE.INTEGER:
    case OPTION_TYPE.NUMBER: {
      const n = typeof raw === "number" ? raw : Number(text);
      if (!Number.isFinite(n) || (def.type === OPTION_TYPE.INTEGER && !Number.isInteger(n))) {
        throw new SandboxInputError(
          `${def.name} must be ${def.type === OPTION_TYPE.INTEGER ? "a whole number" : "a number"}; got "${text}".`,
        );
      }
      if (def.min_value !== undefined && n < def.min_value)
        throw new SandboxInputError(`${def.name} must be at least ${def.min_value}.`);
      if (def.max_value !== undefined && n > def.max_value)
        throw new SandboxInputError(`${def.name} must be at most ${def.max_value}.`);
      return n;
    }
    case OPTION_TYPE.BOOLEAN: {
      if (raw === true || text === "true") return true;
      if (raw === false || text === "false") return false;
      throw new SandboxInputError(`${def.name} must be true or false.`);
    }
    case OPTION_TYPE.USER:
    case OPTION_TYPE.MENTIONABLE: {
      const user = state.findUser(text.replace(/^@/, ""));
      if (!user) throw new SandboxInputError(`${path}: there is no user "${text}" in the sandbox.`);
      resolved.users[user.id] = state.apiUser(user);
      const { user: _omit, ...member } = state.apiMember(user);
      resolved.members[user.id] = member;
      return user.id;
    }
    case OPTION_TYPE.CHANNEL: {
      const channel = state.channelByName(text.replace(/^#/, ""));
      if (!channel) throw new SandboxInputError(`${path}: there is no channel "${text}".`);
      resolved.channels[channel.id] = { id: channel.id, name: channel.name, type: 0, permissions: "2248473465835073" };
      return channel.id;
    }
    case OPTION_TYPE.ROLE: {
      const role = state.roleByName(text.replace(/^@/, ""));
      if (!role) throw new SandboxInputError(`${path}: there is no role "${text}".`);
      resolved.roles[role.id] = state.apiRole(role);
      return role.id;
    }
    default:
      throw new SandboxInputError(`${def.name}: option type ${def.type} is not supported by the sandbox.`);
  }
}

interface ComponentDef {
  type: number;
  custom_id?: string;
  label?: string;
  disabled?: boolean;
  options?: { value: string }[];
  min_values?: number;
  max_values?: number;
  components?: ComponentDef[];
  component?: ComponentDef;
}

export function findComponent(message: StoredMessage, customId: string): ComponentDef | undefined {
  return [...walkComponents(message.components as ComponentDef[])].find((c) => c.custom_id === customId);
}

/** Builds the MESSAGE_COMPONENT interaction for a click on a button or a choice in a select menu. */
export function buildComponentInteraction(
  state: SandboxState,
  p: PendingInteraction,
  user: SandboxUser,
  channel: SandboxChannel,
  message: StoredMessage,
  customId: string,
  values: string[] | undefined,
): Json {
  const component = findComponent(message, customId);
  if (!component)
    throw new SandboxInputError(`Message ${message.id} has no button or menu with custom id "${customId}".`);
  if (component.disabled) throw new SandboxInputError(`"${component.label ?? customId}" is disabled.`);
  const isSelect = [3, 5, 6, 7, 8].includes(component.type);
  if (isSelect) {
    const chosen = values ?? [];
    const min = component.min_values ?? 1;
    const max = component.max_values ?? 1;
    if (chosen.length < min || chosen.length > max) {
      throw new SandboxInputError(
        `Choose between ${min} and ${max} options in this menu (you chose ${chosen.length}).`,
      );
    }
    if (component.type === 3) {
      const allowed = new Set((component.options ?? []).map((o) => o.value));
      const bad = chosen.filter((v) => !allowed.has(v));
      if (bad.length > 0) throw new SandboxInputError(`Not options of this menu: ${bad.join(", ")}.`);
    }
  } else if (component.type !== 2) {
    throw new SandboxInputError(`The component "${customId}" cannot be clicked.`);
  }
  return {
    ...base(state, p, user, channel),
    message: state.apiMessage(message),
    data: { custom_id: customId, component_type: component.type, ...(isSelect ? { values: values ?? [] } : {}) },
  };
}

/** Builds the MODAL_SUBMIT interaction for a modal the bot opened. */
export function buildModalInteraction(
  state: SandboxState,
  p: PendingInteraction,
  user: SandboxUser,
  channel: SandboxChannel,
  modal: Json,
  customId: string,
  fields: Record<string, string>,
  message: StoredMessage | undefined,
): Json {
  if (modal.custom_id !== customId) {
    throw new SandboxInputError(`The open modal is "${String(modal.custom_id)}", not "${customId}".`);
  }
  const inputs = [...walkComponents((modal.components as ComponentDef[]) ?? [])].filter((c) => c.type === 4);
  for (const key of Object.keys(fields)) {
    if (!inputs.some((i) => i.custom_id === key)) {
      throw new SandboxInputError(
        `The modal has no field "${key}". Its fields: ${inputs.map((i) => i.custom_id).join(", ")}.`,
      );
    }
  }
  const rows = inputs.map((input) => {
    const value = fields[input.custom_id ?? ""] ?? "";
    const def = input as ComponentDef & { required?: boolean; min_length?: number; max_length?: number };
    if (def.required !== false && value === "")
      throw new SandboxInputError(`The field "${input.custom_id}" is required.`);
    if (def.max_length !== undefined && value.length > def.max_length) {
      throw new SandboxInputError(`The field "${input.custom_id}" must be at most ${def.max_length} characters.`);
    }
    if (def.min_length !== undefined && value !== "" && value.length < def.min_length) {
      throw new SandboxInputError(`The field "${input.custom_id}" must be at least ${def.min_length} characters.`);
    }
    return { type: 1, components: [{ type: 4, custom_id: input.custom_id, value }] };
  });
  return {
    ...base(state, p, user, channel),
    ...(message ? { message: state.apiMessage(message) } : {}),
    data: { custom_id: customId, components: rows },
  };
}
