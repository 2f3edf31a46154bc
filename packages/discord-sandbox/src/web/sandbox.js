// The sandbox's web client: a small Discord look-alike that drives Steward only through the sandbox's control API
// (/sandbox/*), like the tests and the terminal client. No build step, no dependency.
// Its words come in the page's language (the server's #words block, from the browser's Accept-Language or a language
// link); the person using it is a member whose Discord is in that language, so their interactions carry it as
// `locale` and Steward answers them in it.

const $ = (id) => document.getElementById(id);
const LANG = document.documentElement.lang || "en";
const DISCORD_LOCALE = document.documentElement.dataset.discordLocale || "en-US";
const WORDS = JSON.parse($("words")?.textContent || "{}");
/** A word of the page's language, `{name}` filled with values (escape text before giving it where it is HTML). */
const w = (key, values = {}) =>
  (WORDS[key] ?? key).replace(/\{(\w+)\}/g, (_, name) => (name in values ? String(values[name]) : `{${name}}`));
const state = { users: [], roles: [], channels: [], commands: [], user: "", channel: "general", shown: "" };
const esc = (s) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );

async function control(method, path, body) {
  const res = await fetch(path, {
    method,
    headers: { "content-type": "application/json" },
    ...(body === undefined ? {} : { body: JSON.stringify(body) }),
  });
  const out = await res.json().catch(() => ({}));
  if (!res.ok) throw new Error(out.error || out.message || `${res.status} ${res.statusText}`);
  return out;
}

// Discord markdown, the little Steward uses: **bold**, *italic*, `code`, [text](url), <@id>, <#id>, <t:unix:style>.
function markdown(text) {
  let html = esc(text);
  html = html.replace(/`([^`]+)`/g, "<code>$1</code>");
  html = html.replace(/\*\*([^*]+)\*\*/g, "<strong>$1</strong>");
  html = html.replace(/(^|[^*])\*([^*\n]+)\*/g, "$1<em>$2</em>");
  html = html.replace(/\[([^\]]+)\]\((https?:[^)\s]+)\)/g, '<a href="$2" target="_blank" rel="noreferrer">$1</a>');
  html = html.replace(
    /&lt;@&amp;(\d+)&gt;/g,
    (_, id) => `<span class="mention">@${esc(state.roles.find((r) => r.id === id)?.name ?? "role")}</span>`,
  );
  html = html.replace(
    /&lt;@!?(\d+)&gt;/g,
    (_, id) => `<span class="mention">@${esc(state.users.find((u) => u.id === id)?.username ?? "user")}</span>`,
  );
  html = html.replace(
    /&lt;#(\d+)&gt;/g,
    (_, id) => `<span class="mention">#${esc(state.channels.find((c) => c.id === id)?.name ?? "channel")}</span>`,
  );
  html = html.replace(/&lt;t:(-?\d+)(?::([a-zA-Z]))?&gt;/g, timestamp);
  return html;
}
// <t:unix:style> as a date, or as the text typed when no date has that many seconds (a Date holds ±8.64e15 ms):
// one out-of-range timestamp in a message must not stop the channel from rendering.
function timestamp(typed, seconds, style) {
  const d = new Date(Number(seconds) * 1000);
  if (Number.isNaN(d.getTime())) return typed;
  return `<time datetime="${d.toISOString()}">${style === "R" ? relative(d) : d.toLocaleString(LANG)}</time>`;
}
function relative(d) {
  const s = Math.round((d.getTime() - Date.now()) / 1000);
  const abs = Math.abs(s);
  const [n, unit] =
    abs < 60
      ? [abs, "second"]
      : abs < 3600
        ? [Math.round(abs / 60), "minute"]
        : abs < 86400
          ? [Math.round(abs / 3600), "hour"]
          : [Math.round(abs / 86400), "day"];
  // As Discord shows <t:…:R> in the reader's language: "in 2 hours", "2小时后", "dentro de 2 horas".
  return new Intl.RelativeTimeFormat(LANG, { numeric: "always" }).format(s >= 0 ? n : -n, unit);
}

function embedHtml(e) {
  const colour = e.color !== undefined ? `#${e.color.toString(16).padStart(6, "0")}` : "";
  const fields = (e.fields ?? [])
    .map(
      (f) =>
        `<div class="field${f.inline ? "" : " full"}"><div class="name">${markdown(f.name)}</div><div class="value">${markdown(f.value)}</div></div>`,
    )
    .join("");
  return `<div class="embed"${colour ? ` style="border-left-color:${colour}"` : ""}>${e.title ? `<div class="title">${markdown(e.title)}</div>` : ""}${e.description ? `<div class="desc">${markdown(e.description)}</div>` : ""}${fields ? `<div class="fields">${fields}</div>` : ""}${e.footer?.text ? `<div class="footer">${esc(e.footer.text)}</div>` : ""}</div>`;
}

const STYLE = { 1: "primary", 2: "secondary", 3: "success", 4: "danger", 5: "link" };
function componentsHtml(rows, messageId) {
  return (rows ?? [])
    .map((row) => {
      const parts = (row.components ?? [])
        .map((c) => {
          if (c.type === 2 && c.url)
            return `<a href="${esc(c.url)}" target="_blank" rel="noreferrer">${esc(c.label ?? c.url)}</a>`;
          if (c.type === 2) {
            return `<button type="button" class="${STYLE[c.style] ?? ""}" data-message="${esc(messageId)}" data-custom="${esc(c.custom_id)}"${c.disabled ? " disabled" : ""}>${esc(c.emoji?.name ?? "")}${esc(c.label ?? "")}</button>`;
          }
          if (c.type === 3) {
            const multiple = (c.max_values ?? 1) > 1;
            return `<label class="sr" for="sel-${esc(messageId)}-${esc(c.custom_id)}">${esc(c.placeholder ?? w("choose"))}</label><select id="sel-${esc(messageId)}-${esc(c.custom_id)}" data-message="${esc(messageId)}" data-custom="${esc(c.custom_id)}"${multiple ? ` multiple size="${Math.min(5, c.options.length)}"` : ""}${c.disabled ? " disabled" : ""}>${multiple ? "" : `<option value="">${esc(c.placeholder ?? w("chooseEllipsis"))}</option>`}${c.options.map((o) => `<option value="${esc(o.value)}">${esc(o.label)}</option>`).join("")}</select>${multiple ? `<button type="button" data-select-send="${esc(c.custom_id)}" data-message="${esc(messageId)}">${esc(w("sendChoice"))}</button>` : ""}`;
          }
          return "";
        })
        .join("");
      return parts ? `<div class="components">${parts}</div>` : "";
    })
    .join("");
}

function messageHtml(m, opts = {}) {
  const attachments = (m.attachments ?? [])
    .map(
      (a) =>
        `<div><a href="${esc(a.url)}">${esc(a.filename)}</a> (${esc(w("bytes", { size: a.size.toLocaleString(LANG) }))})</div>`,
    )
    .join("");
  return `<article class="msg" data-id="${esc(m.id ?? "")}">${opts.badge ? `<div class="badge">${opts.badge}</div>` : `<div class="meta">Steward · ${new Date(m.createdAt).toLocaleTimeString(LANG)}${m.editedAt ? ` ${esc(w("edited"))}` : ""}</div>`}${m.content ? `<div class="content">${markdown(m.content)}</div>` : ""}${(m.embeds ?? []).map(embedHtml).join("")}${componentsHtml(m.components, m.id ?? m.messageId)}${attachments}</article>`;
}

let lastState = "";
async function refreshState() {
  const s = await control("GET", "/sandbox/state");
  // Re-rendered only on a change: a refresh must not undo what the person is choosing in the form.
  const json = JSON.stringify([s.users, s.roles, s.channels]);
  if (json === lastState) return;
  lastState = json;
  state.users = s.users.filter((u) => u.inGuild);
  state.roles = s.roles;
  state.channels = s.channels;
  const select = $("user-select");
  const current = state.user || state.users[0]?.username || "";
  select.innerHTML = state.users.length
    ? state.users
        .map(
          (u) =>
            `<option value="${esc(u.username)}">${esc(u.username)}${u.roles.length ? ` (${esc(u.roles.join(", "))})` : ""}</option>`,
        )
        .join("")
    : `<option value="">${esc(w("noUsers"))}</option>`;
  select.value = current;
  state.user = select.value;
  if (!state.users.length) $("new-user").open = true;
  $("role-boxes").innerHTML =
    `<legend>${esc(w("roles"))}</legend>` +
    state.roles
      .map(
        (r) =>
          `<label><input type="checkbox" name="roles" value="${esc(r.name)}"${r.name === "Member" ? " checked" : ""}> ${esc(r.name)}</label>`,
      )
      .join("");
  $("channels").innerHTML = state.channels
    .map(
      (c) =>
        `<li><button type="button" data-channel="${esc(c.name)}" aria-current="${c.name === state.channel}"># ${esc(c.name)}</button></li>`,
    )
    .join("");
}

async function refreshMessages() {
  const messages = await control("GET", `/sandbox/messages?channel=${encodeURIComponent(state.channel)}`);
  const html = messages.map((m) => messageHtml(m)).join("") || `<p class="hint">${esc(w("noMessages"))}</p>`;
  if (html === state.shown) return;
  const box = $("messages");
  const atBottom = box.scrollHeight - box.scrollTop - box.clientHeight < 40;
  // Keep a select's focus and choice across refreshes only when nothing changed (the early return above).
  box.innerHTML = html;
  state.shown = html;
  if (atBottom) box.scrollTop = box.scrollHeight;
}

function showPrivate(result) {
  for (const r of result.responses ?? []) {
    if (r.kind === "modal") {
      openModal(r, result.interactionId);
      continue;
    }
    // Public replies appear in the channel; an empty "thinking…" defer has nothing to show.
    if (!r.ephemeral || (!r.content && !(r.embeds ?? []).length && !(r.components ?? []).length)) continue;
    const node = document.createElement("div");
    node.innerHTML = messageHtml(
      { ...r, id: r.messageId },
      { badge: w("onlyYou", { user: esc(state.user), kind: esc(r.kind) }) },
    );
    $("private").append(node.firstChild);
    $("private").scrollTop = $("private").scrollHeight;
  }
}

/**
 * The person at the page is the member they act as, with a Discord client in the page's language: that member's
 * `locale` (every interaction's) is made the page's before they act, so Steward answers them in it.
 */
async function speakPageLanguage() {
  const user = state.users.find((u) => u.username === state.user);
  if (!user || user.locale === DISCORD_LOCALE) return;
  const updated = await control("POST", "/sandbox/users", { username: user.username, locale: DISCORD_LOCALE });
  user.locale = updated.locale;
}

async function act(run) {
  $("command-error").textContent = "";
  try {
    await speakPageLanguage();
    showPrivate(await run());
  } catch (error) {
    $("command-error").textContent = error.message;
  }
  await refreshMessages().catch(() => {});
}

// Modals: text inputs (type 4), also inside labels (type 18, one `component`).
function inputsOf(components, label) {
  const out = [];
  for (const c of components ?? []) {
    if (c.type === 4) out.push({ ...c, label: c.label ?? label });
    if (c.components) out.push(...inputsOf(c.components, label));
    if (c.component) out.push(...inputsOf([c.component], c.label));
  }
  return out;
}
let openModalState = null;
function openModal(r, interactionId) {
  openModalState = { customId: r.customId, interactionId };
  $("modal-title").textContent = r.title;
  $("modal-fields").innerHTML = inputsOf(r.components)
    .map((i) => {
      const id = `modal-${esc(i.custom_id)}`;
      const attrs = `id="${id}" name="${esc(i.custom_id)}"${i.required === false ? "" : " required"}${i.max_length ? ` maxlength="${i.max_length}"` : ""}${i.placeholder ? ` placeholder="${esc(i.placeholder)}"` : ""}`;
      return `<label for="${id}">${esc(i.label ?? i.custom_id)}</label>${i.style === 2 ? `<textarea ${attrs}>${esc(i.value ?? "")}</textarea>` : `<input ${attrs} value="${esc(i.value ?? "")}">`}`;
    })
    .join("");
  $("modal").showModal();
}

// The command box: paths from the registered commands; the chosen command's options become fields. Names stay as
// registered (typed the same in every language); descriptions and choices show in the page's language when the
// command gave one, as Discord's client shows them.
const described = (o) => o.description_localizations?.[DISCORD_LOCALE] || o.description;
const choiceName = (c) => c.name_localizations?.[DISCORD_LOCALE] || c.name;
function commandPaths() {
  const out = [];
  for (const c of state.commands) {
    const subs = (c.options ?? []).filter((o) => o.type === 1);
    if (subs.length === 0) out.push({ path: c.name, description: described(c), options: c.options ?? [] });
    for (const s of subs)
      out.push({ path: `${c.name} ${s.name}`, description: described(s), options: s.options ?? [] });
  }
  return out;
}
function renderOptions() {
  const path = $("command-input").value.trim().replace(/^\//, "");
  const cmd = commandPaths().find((c) => c.path === path);
  $("command-help").textContent = cmd ? cmd.description : w("commandHelp");
  $("options").innerHTML = (cmd?.options ?? [])
    .map((o) => {
      const id = `opt-${esc(o.name)}`;
      const label = `<label for="${id}">${esc(o.name)}${o.required ? " *" : ""} <span class="hint">${esc(described(o))}</span></label>`;
      if (o.choices?.length) {
        return `<div>${label}<select id="${id}" name="${esc(o.name)}" data-type="${o.type}"${o.required ? " required" : ""}><option value=""></option>${o.choices.map((c) => `<option value="${esc(c.value)}">${esc(choiceName(c))}</option>`).join("")}</select></div>`;
      }
      if (o.type === 5) {
        return `<div>${label}<select id="${id}" name="${esc(o.name)}" data-type="5"><option value=""></option><option value="true">${esc(w("yes"))}</option><option value="false">${esc(w("no"))}</option></select></div>`;
      }
      const kind = o.type === 4 || o.type === 10 ? `type="number"${o.type === 10 ? ' step="any"' : ""}` : 'type="text"';
      const hint = o.type === 6 ? ` placeholder="${esc(w("userNamePlaceholder"))}"` : "";
      return `<div>${label}<input id="${id}" name="${esc(o.name)}" ${kind} data-type="${o.type}"${hint}${o.required ? " required" : ""}${o.max_length ? ` maxlength="${o.max_length}"` : ""}></div>`;
    })
    .join("");
}
function optionValues() {
  const out = {};
  for (const el of $("options").querySelectorAll("input, select")) {
    if (el.value === "") continue;
    const type = Number(el.dataset.type);
    out[el.name] =
      type === 4 || type === 10
        ? Number(el.value)
        : type === 5
          ? el.value === "true"
          : type === 6
            ? (state.users.find((u) => u.username === el.value)?.id ?? el.value)
            : el.value;
  }
  return out;
}

function wire() {
  $("user-select").addEventListener("change", (e) => {
    state.user = e.target.value;
    $("private").innerHTML = "";
  });
  $("user-form").addEventListener("submit", async (e) => {
    e.preventDefault();
    const form = new FormData(e.target);
    $("user-error").textContent = "";
    try {
      const u = await control("POST", "/sandbox/users", {
        username: form.get("username"),
        roles: form.getAll("roles"),
        locale: DISCORD_LOCALE,
      });
      state.user = u.username;
      lastState = "";
      await refreshState();
      e.target.reset();
    } catch (error) {
      $("user-error").textContent = error.message;
    }
  });
  $("channels").addEventListener("click", async (e) => {
    const name = e.target.closest("button")?.dataset.channel;
    if (!name) return;
    state.channel = name;
    state.shown = "";
    $("channel-title").textContent = `# ${name}`;
    for (const b of $("channels").querySelectorAll("button"))
      b.setAttribute("aria-current", String(b.dataset.channel === name));
    await refreshMessages();
  });
  $("command-input").addEventListener("input", renderOptions);
  $("command-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const command = $("command-input").value.trim().replace(/^\//, "");
    if (!state.user) {
      $("command-error").textContent = w("pickUser");
      return;
    }
    void act(() =>
      control("POST", "/sandbox/interactions", {
        user: state.user,
        channel: state.channel,
        command,
        options: optionValues(),
      }),
    );
  });
  document.body.addEventListener("click", (e) => {
    const button = e.target.closest("button[data-custom]");
    if (button) {
      void act(() =>
        control("POST", "/sandbox/components", {
          user: state.user,
          messageId: button.dataset.message,
          customId: button.dataset.custom,
        }),
      );
      return;
    }
    const send = e.target.closest("button[data-select-send]");
    if (send) {
      const select = send.parentElement.querySelector(`select[data-custom="${CSS.escape(send.dataset.selectSend)}"]`);
      const values = [...select.selectedOptions].map((o) => o.value);
      void act(() =>
        control("POST", "/sandbox/components", {
          user: state.user,
          messageId: send.dataset.message,
          customId: send.dataset.selectSend,
          values,
        }),
      );
    }
  });
  document.body.addEventListener("change", (e) => {
    const select = e.target.closest("select[data-custom]");
    if (!select || select.multiple || select.value === "") return;
    void act(() =>
      control("POST", "/sandbox/components", {
        user: state.user,
        messageId: select.dataset.message,
        customId: select.dataset.custom,
        values: [select.value],
      }),
    );
  });
  $("modal-cancel").addEventListener("click", () => $("modal").close());
  $("modal-form").addEventListener("submit", (e) => {
    e.preventDefault();
    const fields = Object.fromEntries(new FormData(e.target).entries());
    const { customId, interactionId } = openModalState ?? {};
    $("modal").close();
    void act(() => control("POST", "/sandbox/modals", { user: state.user, customId, interactionId, fields }));
  });
}

async function start() {
  wire();
  await refreshState();
  state.commands = await control("GET", "/sandbox/commands");
  $("command-list").innerHTML = commandPaths()
    .map((c) => `<option value="${esc(c.path)}">${esc(c.description)}</option>`)
    .join("");
  await refreshMessages();
  setInterval(() => void refreshMessages().catch(() => {}), 1000);
  setInterval(() => void refreshState().catch(() => {}), 5000);
}
start().catch((error) => {
  document.body.insertAdjacentHTML(
    "afterbegin",
    `<p class="error" role="alert">${esc(w("noAnswer", { message: error.message }))}</p>`,
  );
});
