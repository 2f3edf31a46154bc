export interface ResponseView {
  kind: "reply" | "defer" | "edit" | "followup" | "update" | "modal";
  messageId?: string;
  content: string;
  embeds: {
    title?: string;
    description?: string;
    fields?: { name: string; value: string }[];
    footer?: { text: string };
  }[];
  components: {
    type: number;
    components?: {
      type: number;
      custom_id?: string;
      label?: string;
      disabled?: boolean;
      options?: { label: string; value: string }[];
    }[];
  }[];
  ephemeral: boolean;
  mentions: { everyone: boolean; users: string[]; roles: string[] };
  /** A modal's custom id and title. */
  customId?: string;
  title?: string;
}

export interface InteractionResult {
  interactionId: string;
  responses: ResponseView[];
  complete?: false;
}

/** What a test or an operator does through the sandbox's control API, and nothing else. */
export class SandboxClient {
  /**
   * `beforeRead`: what to wait for before reading a channel (a test stack waits for its publisher to catch up, as a
   * person would see the posts a moment later).
   */
  constructor(
    readonly baseUrl: string,
    private readonly beforeRead: () => Promise<void> = async () => {},
  ) {}

  async request<T>(method: string, path: string, body?: unknown): Promise<{ status: number; body: T }> {
    const res = await fetch(`${this.baseUrl}${path}`, {
      method,
      headers: { "content-type": "application/json" },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    return { status: res.status, body: (await res.json()) as T };
  }

  private async ok<T>(method: string, path: string, body?: unknown): Promise<T> {
    const { status, body: out } = await this.request<T>(method, path, body);
    if (status >= 300) throw new Error(`${method} ${path} → ${status}: ${JSON.stringify(out)}`);
    return out;
  }

  createUser(
    username: string,
    roles: string[] = ["Member"],
    extra: { inGuild?: boolean; joinedAt?: string; locale?: string } = {},
  ) {
    return this.ok<{ id: string; username: string; roles: string[] }>("POST", "/sandbox/users", {
      username,
      roles,
      ...extra,
    });
  }

  /** The server's language (`preferred_locale`, each interaction's `guild_locale`), as a server admin sets it. */
  setGuildLocale(locale: string) {
    return this.ok<{ locale: string }>("PUT", "/sandbox/guild", { locale });
  }

  /** Many members at once: `${prefix}1` … `${prefix}${count}` (existing ones are left as they are). */
  createUsers(prefix: string, count: number, roles: string[] = ["Member"]) {
    return this.ok<{ created: number; existing: number; first: string; last: string }>("POST", "/sandbox/users/bulk", {
      prefix,
      count,
      roles,
    });
  }

  submitModal(user: string, customId: string, fields: Record<string, string>, messageId?: string) {
    return this.ok<InteractionResult>("POST", "/sandbox/modals", { user, customId, fields, messageId, waitMs: 30_000 });
  }

  run(
    user: string,
    command: string,
    options: Record<string, unknown> = {},
    extra: { channel?: string; waitMs?: number } = {},
  ) {
    // A loaded CI machine (two cores, both test projects) can take more than the API's default 10 s.
    return this.ok<InteractionResult>("POST", "/sandbox/interactions", {
      user,
      command,
      options,
      waitMs: 30_000,
      ...extra,
    });
  }

  /**
   * `/contribute submit` as a person with a multi-line description does it on Discord: the command without the
   * description opens the form, whose fields (title, description, links) are then submitted.
   */
  async submitContribution(
    user: string,
    o: { title: string; category: string; description: string; hours?: number } & Record<string, unknown>,
  ): Promise<InteractionResult> {
    const { description, ...options } = o;
    const links = Object.entries(options)
      .filter(([k]) => /^link\d$/.test(k))
      .map(([, v]) => String(v));
    const opened = await this.run(user, "contribute submit", options);
    const form = opened.responses.find((r) => r.kind === "modal");
    if (!form?.customId) throw new Error(`the contribution form did not open: ${JSON.stringify(opened.responses)}`);
    return this.submitModal(user, form.customId, { title: o.title, description, links: links.join("\n") });
  }

  click(user: string, messageId: string, customId: string, values?: string[]) {
    return this.ok<InteractionResult>("POST", "/sandbox/components", {
      user,
      messageId,
      customId,
      values,
      waitMs: 30_000,
    });
  }

  async messages(channel: string) {
    await this.beforeRead();
    return this.ok<
      (Omit<ResponseView, "kind" | "ephemeral"> & {
        id: string;
        editedAt: string | null;
        attachments: { id: string; filename: string; size: number; url: string }[];
      })[]
    >("GET", `/sandbox/messages?channel=${channel}`);
  }

  state() {
    return this.ok<{
      guildId: string;
      channels: { id: string; name: string }[];
      roles: { id: string; name: string }[];
      users: { id: string; username: string; roles: string[] }[];
    }>("GET", "/sandbox/state");
  }

  commands() {
    return this.ok<{ name: string; options?: unknown[] }[]>("GET", "/sandbox/commands");
  }

  /** The bot's DMs to a user (what the user reads in their DM channel), and whether the user takes DMs. */
  dms(user: string) {
    return this.ok<{
      open: boolean;
      channelId: string | null;
      messages: (Omit<ResponseView, "kind" | "ephemeral"> & { id: string })[];
    }>("GET", `/sandbox/users/${encodeURIComponent(user)}/dms`);
  }

  /** Opens or closes a user's DMs ("Direct Messages" privacy setting): closed, the bot's DMs fail with 50007. */
  setDms(user: string, open: boolean) {
    return this.ok<{ open: boolean }>("PUT", `/sandbox/users/${encodeURIComponent(user)}/dms`, { open });
  }

  /** An interaction's responses so far, follow-ups sent after its final answer included. */
  interaction(id: string) {
    return this.ok<InteractionResult>("GET", `/sandbox/interactions/${id}`);
  }
}

/** The last response of an interaction: what the person ends up seeing. */
export function finalResponse(result: InteractionResult): ResponseView {
  const last = result.responses.at(-1);
  if (!last) throw new Error(`the bot did not answer interaction ${result.interactionId}`);
  return last;
}

/** All text of a response, content and embeds, for assertions on what a person reads. */
export function textOf(r: ResponseView | Omit<ResponseView, "kind" | "ephemeral">): string {
  return [
    r.content,
    ...r.embeds.flatMap((e) => [
      e.title,
      e.description,
      ...(e.fields ?? []).flatMap((f) => [f.name, f.value]),
      e.footer?.text,
    ]),
  ]
    .filter(Boolean)
    .join("\n");
}
