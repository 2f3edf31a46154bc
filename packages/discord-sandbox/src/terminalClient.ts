import { createInterface } from "node:readline/promises";
import { walkComponents } from "./walkComponents.ts";

type Json = Record<string, unknown>;
interface Component {
  type: number;
  label?: string;
  custom_id?: string;
  disabled?: boolean;
  placeholder?: string;
  /** A text input's pre-filled value. */
  value?: string;
  options?: { label: string; value: string }[];
  components?: Component[];
  component?: Component;
}
interface Embed {
  title?: string;
  description?: string;
  fields?: { name: string; value: string; inline?: boolean }[];
  footer?: { text: string };
}
interface Shown {
  kind?: string;
  messageId?: string;
  content: string;
  embeds: Embed[];
  components: Component[];
  ephemeral?: boolean;
  customId?: string;
  title?: string;
}

const help = `Commands:
  as <user> /<command> [option:value ...]   run a slash command, e.g. as alice /contribute submit title:"Fix docs" category:docs description:"..."
  as <user> click <label or custom id>      click a button on the last message shown
  as <user> select <custom id> <v1,v2>      choose values in a select menu on the last message shown
  as <user> modal <custom id> field=value ...  submit the modal the bot opened last
  adduser <name> [role ...]                 create a user (roles: Member, Moderator, Provider)
  users | commands | state                  show the sandbox's users, registered commands, guild
  messages <channel>                        show the bot's messages in a channel
  dms <user> [open|closed]                  show the bot's DMs to a user (vote reminders); open or close their DMs
  help | quit`;

/** Splits a line into words, keeping "quoted strings" (with \\" escapes) together. */
export function tokenize(line: string): string[] {
  const tokens: string[] = [];
  let current = "";
  let quoted = false;
  let has = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i] as string;
    if (ch === "\\" && quoted && line[i + 1] === '"') {
      current += '"';
      i++;
    } else if (ch === '"') {
      quoted = !quoted;
      has = true;
    } else if (/\s/.test(ch) && !quoted) {
      if (has || current !== "") tokens.push(current);
      current = "";
      has = false;
    } else {
      current += ch;
    }
  }
  if (quoted) throw new Error("a quote is not closed");
  if (has || current !== "") tokens.push(current);
  return tokens;
}

/**
 * "/contribute submit title:x category:docs" → { command: "contribute submit", options: {title: "x", ...} }. As in
 * Discord's command box, a value runs until the next `name:`, so `id:proposal 2` needs no quotes; a word like
 * `https://…` is part of a value, not an option.
 */
export function parseSlash(words: string[]): { command: string; options: Record<string, string> } {
  const path: string[] = [];
  const options: Record<string, string> = {};
  let current: string | undefined;
  for (const w of words) {
    const option = /^([a-z0-9_-]+):(?!\/\/)/i.exec(w);
    if (option?.[1]) {
      current = option[1];
      options[current] = w.slice(option[0].length);
    } else if (current !== undefined) options[current] = `${options[current]} ${w}`;
    else path.push(w.replace(/^\//, ""));
  }
  return { command: path.join(" "), options };
}

const DMS_USAGE = "Usage: dms <user> [open|closed]";

/** `dms alice` shows the bot's DMs to alice; `dms alice closed` closes her DMs to the bot (its DMs then fail, 50007). */
export function dmsRequest(args: string[]): { method: "GET" | "PUT"; path: string; body?: Json } | string {
  const [user, setting, ...extra] = args;
  if (!user || extra.length > 0 || (setting !== undefined && setting !== "open" && setting !== "closed")) {
    return DMS_USAGE;
  }
  const path = `/sandbox/users/${encodeURIComponent(user)}/dms`;
  return setting === undefined ? { method: "GET", path } : { method: "PUT", path, body: { open: setting === "open" } };
}

export interface Names {
  users: Map<string, string>;
  channels: Map<string, string>;
  roles: Map<string, string>;
}

/** Discord markup as a person sees it in the app: names instead of ids, dates instead of timestamps. */
export function humanize(text: string, names?: Names): string {
  return text
    .replace(/<@!?(\d+)>/g, (m, id: string) => (names?.users.has(id) ? `@${names.users.get(id)}` : m))
    .replace(/<@&(\d+)>/g, (m, id: string) => (names?.roles.has(id) ? `@${names.roles.get(id)}` : m))
    .replace(/<#(\d+)>/g, (m, id: string) => (names?.channels.has(id) ? `#${names.channels.get(id)}` : m))
    .replace(/<t:(\d+)(?::([tTdDfFR]))?>/g, (_m, secs: string, style?: string) =>
      style === "R"
        ? relativeTime(Number(secs) * 1000)
        : new Date(Number(secs) * 1000)
            .toISOString()
            .replace("T", " ")
            .replace(/:\d\d\.\d+Z$/, " UTC"),
    );
}

/** Discord's relative timestamp (`<t:…:R>`): "in 2 days", "5 minutes ago". */
export function relativeTime(at: number, now = Date.now()): string {
  const seconds = Math.round((at - now) / 1000);
  const units: [string, number][] = [
    ["year", 31_536_000],
    ["month", 2_592_000],
    ["day", 86_400],
    ["hour", 3_600],
    ["minute", 60],
    ["second", 1],
  ];
  const [unit, size] = units.find(([, s]) => Math.abs(seconds) >= s) ?? ["second", 1];
  const n = Math.round(Math.abs(seconds) / size);
  const text = `${n} ${unit}${n === 1 ? "" : "s"}`;
  return seconds >= 0 ? `in ${text}` : `${text} ago`;
}

export function renderMessage(m: Shown, names?: Names): string {
  const lines: string[] = [];
  const head = [
    m.kind ?? "message",
    m.ephemeral ? "only you can see this" : undefined,
    m.messageId ? `id ${m.messageId}` : undefined,
  ];
  lines.push(`── ${head.filter(Boolean).join(" · ")} ──`);
  if (m.kind === "modal") lines.push(`[modal "${m.title}" (${m.customId})]`);
  if (m.content) lines.push(m.content);
  for (const e of m.embeds ?? []) {
    if (e.title) lines.push(`┌ ${e.title}`);
    for (const l of (e.description ?? "").split("\n")) if (l) lines.push(`│ ${l}`);
    for (const f of e.fields ?? []) lines.push(`│ ${f.name}: ${f.value.replaceAll("\n", "\n│   ")}`);
    if (e.footer?.text) lines.push(`│ — ${e.footer.text}`);
    lines.push("└");
  }
  const controls = flatten(m.components ?? []).map((c) =>
    c.type === 2
      ? `[${c.label ?? c.custom_id}${c.disabled ? " (disabled)" : ""}]`
      : c.type === 4
        ? `<field ${c.custom_id}: ${c.label ?? ""}${c.value ? ` = "${c.value}"` : ""}>`
        : `<menu ${c.custom_id}: ${(c.options ?? []).map((o) => (o.label === o.value ? o.label : `${o.label} (${o.value})`)).join(" | ")}>`,
  );
  if (controls.length > 0) lines.push(controls.join(" "));
  return humanize(lines.join("\n"), names);
}

/** The controls a person can use: every component but the rows and labels that hold them. */
function flatten(list: Component[]): Component[] {
  return [...walkComponents(list)].filter((c) => c.type !== 1 && c.type !== 18);
}

/**
 * Talks to the sandbox at `baseUrl` (`source` says where that URL came from). Returns the exit code: 1 when the
 * sandbox does not answer, checked before the first line is read rather than at the first command.
 */
export async function runTerminalClient(baseUrl: string, source?: string): Promise<number> {
  const from = source ? ` (${source})` : "";
  const reachable = await fetch(`${baseUrl}/sandbox/state`, { signal: AbortSignal.timeout(5_000) }).then(
    (res) => res.ok,
    () => false,
  );
  if (!reachable) {
    process.stderr.write(
      `No Steward sandbox answers at ${baseUrl}${from}. Start Steward (npm start), or give the URL its "sandbox ready:" line printed: npm run steward -- sandbox http://127.0.0.1:<port>\n`,
    );
    return 1;
  }
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  const print = (text: string) => process.stdout.write(`${text}\n`);
  let last: Shown | undefined;

  async function call(method: string, path: string, body?: Json): Promise<unknown> {
    const res = await fetch(`${baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
    const data = (await res.json().catch(() => ({}))) as Json;
    if (!res.ok) throw new Error(String(data.error ?? `HTTP ${res.status}`));
    return data;
  }

  async function names(): Promise<Names> {
    const state = (await call("GET", "/sandbox/state")) as {
      users: { id: string; username: string }[];
      channels: { id: string; name: string }[];
      roles: { id: string; name: string }[];
    };
    return {
      users: new Map(state.users.map((u) => [u.id, u.username])),
      channels: new Map(state.channels.map((c) => [c.id, c.name])),
      roles: new Map(state.roles.map((r) => [r.id, r.name])),
    };
  }

  async function showResponses(result: unknown) {
    const { responses = [] } = result as { responses?: Shown[] };
    if (responses.length === 0) print("(the bot did not answer)");
    const known = await names();
    // A "thinking…" placeholder that was then edited is noise once the edit is there.
    const shown = responses.filter(
      (r, i) =>
        !(r.kind === "defer" && responses.slice(i + 1).some((n) => n.kind === "edit" && n.messageId === r.messageId)),
    );
    for (const r of shown) {
      print(renderMessage(r, known));
      if ((r.components ?? []).length > 0) last = r;
    }
  }

  async function handle(line: string) {
    const words = tokenize(line);
    const [first, ...rest] = words;
    if (!first) return;
    if (first === "help") return print(help);
    if (first === "users") {
      const { users } = (await call("GET", "/sandbox/state")) as { users: { username: string; roles: string[] }[] };
      return print(users.map((u) => `${u.username} (${u.roles.join(", ") || "no roles"})`).join("\n") || "(no users)");
    }
    if (first === "state") return print(JSON.stringify(await call("GET", "/sandbox/state"), null, 2));
    if (first === "commands") {
      const cmds = (await call("GET", "/sandbox/commands")) as { name: string; description: string }[];
      return print(cmds.map((c) => `/${c.name} — ${c.description}`).join("\n"));
    }
    if (first === "adduser") {
      const [username, ...roles] = rest;
      const user = (await call("POST", "/sandbox/users", { username, roles })) as { username: string; roles: string[] };
      return print(`${user.username} is in the guild with roles: ${user.roles.join(", ") || "none"}`);
    }
    if (first === "messages") {
      const list = (await call(
        "GET",
        `/sandbox/messages?channel=${encodeURIComponent(rest[0] ?? "general")}`,
      )) as Shown[];
      if (list.length === 0) print("(no messages)");
      const known = await names();
      for (const m of list) {
        print(renderMessage({ ...m, messageId: (m as unknown as { id: string }).id }, known));
        if (m.components.length > 0) last = { ...m, messageId: (m as unknown as { id: string }).id };
      }
      return;
    }
    if (first === "dms") {
      const request = dmsRequest(rest);
      if (typeof request === "string") return print(request);
      const dms = (await call(request.method, request.path, request.body)) as {
        user: string;
        open: boolean;
        messages: (Shown & { id: string })[];
      };
      print(`${dms.user}'s DMs are ${dms.open ? "open" : "closed"} to the bot.`);
      if (dms.messages.length === 0) print("(no messages)");
      const known = await names();
      for (const m of dms.messages) print(renderMessage({ ...m, messageId: m.id }, known));
      return;
    }
    if (first === "as") {
      const [user, action, ...args] = rest;
      if (!user || !action)
        return print("Usage: as <user> /<command> ... | click <label> | select <id> <values> | modal <id> k=v");
      if (action.startsWith("/")) {
        const { command, options } = parseSlash([action, ...args]);
        return showResponses(await call("POST", "/sandbox/interactions", { user, command, options }));
      }
      if (action === "click" || action === "select") {
        if (!last?.messageId) return print("There is no message with buttons to click yet.");
        // A button's label may have spaces ("Open vote (moderators)"): click takes the rest of the line.
        const target = (action === "click" ? args.join(" ") : args[0]) ?? "";
        const component = flatten(last.components).find((c) => c.label === target || c.custom_id === target);
        if (!component?.custom_id) return print(`No button or menu "${target}" on the last message.`);
        // Options may be chosen by their label, as a person reads them, or by value.
        const values =
          action === "select"
            ? (args[1] ?? "")
                .split(",")
                .filter(Boolean)
                .map((v) => component.options?.find((o) => o.label === v)?.value ?? v)
            : undefined;
        return showResponses(
          await call("POST", "/sandbox/components", {
            user,
            messageId: last.messageId,
            customId: component.custom_id,
            values,
          }),
        );
      }
      if (action === "modal") {
        const [customId = "", ...pairs] = args;
        // Fields not given keep the value the modal was opened with, as in the Discord app.
        const prefilled =
          last?.kind === "modal" && last.customId === customId
            ? flatten(last.components)
                .filter((c) => c.type === 4 && c.custom_id)
                .map((c) => [c.custom_id as string, c.value ?? ""])
            : [];
        const fields = Object.fromEntries([
          ...prefilled,
          ...pairs.map((p) => [p.slice(0, p.indexOf("=")), p.slice(p.indexOf("=") + 1)]),
        ]);
        return showResponses(await call("POST", "/sandbox/modals", { user, customId, fields }));
      }
      return print(`Unknown action "${action}". Type help.`);
    }
    if (first === "quit" || first === "exit") {
      rl.close();
      return;
    }
    print(`Unknown command "${first}". Type help.`);
  }

  print(`Steward sandbox at ${baseUrl}${from}. Type help for commands.`);
  for await (const line of rl) {
    try {
      await handle(line.trim());
    } catch (error) {
      const message = (error as Error).message;
      if (message === "fetch failed") {
        print(`error: cannot reach the sandbox at ${baseUrl}. Is Steward running (npm start)?`);
        continue;
      }
      print(`error: ${message}${/no user/.test(message) ? " Here: adduser <name> Member" : ""}`);
    }
  }
  return 0;
}
