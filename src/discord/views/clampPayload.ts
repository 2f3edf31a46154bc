import type { APIEmbed } from "discord.js";

/** Discord's limits on one message (https://discord.com/developers/docs/resources/message#embed-object-embed-limits). */
export const DISCORD_LIMITS = {
  content: 2000,
  embedTitle: 256,
  embedDescription: 4096,
  embedFields: 25,
  fieldName: 256,
  fieldValue: 1024,
  footer: 2048,
  authorName: 256,
  embedsTotal: 6000,
} as const;

const cut = (text: string | undefined, max: number) =>
  text === undefined || text.length <= max ? text : `${text.slice(0, max - 1)}…`;

function clampEmbed(e: APIEmbed): APIEmbed {
  return {
    ...e,
    ...(e.title !== undefined ? { title: cut(e.title, DISCORD_LIMITS.embedTitle) } : {}),
    ...(e.description !== undefined ? { description: cut(e.description, DISCORD_LIMITS.embedDescription) } : {}),
    ...(e.footer ? { footer: { ...e.footer, text: cut(e.footer.text, DISCORD_LIMITS.footer) ?? "" } } : {}),
    ...(e.author ? { author: { ...e.author, name: cut(e.author.name, DISCORD_LIMITS.authorName) ?? "" } } : {}),
    ...(e.fields
      ? {
          fields: e.fields.slice(0, DISCORD_LIMITS.embedFields).map((f) => ({
            ...f,
            name: cut(f.name, DISCORD_LIMITS.fieldName) ?? "",
            value: cut(f.value, DISCORD_LIMITS.fieldValue) ?? "",
          })),
        }
      : {}),
  };
}

const embedSize = (e: APIEmbed) =>
  (e.title?.length ?? 0) +
  (e.description?.length ?? 0) +
  (e.footer?.text.length ?? 0) +
  (e.author?.name.length ?? 0) +
  (e.fields ?? []).reduce((n, f) => n + f.name.length + f.value.length, 0);

/**
 * Every message Steward sends passes through here, so a long echoed title, address or rationale is cut with "…"
 * instead of being refused by Discord (which left the person with no answer at all). The 6,000-character total
 * over all embeds is kept by shortening the longest description, then dropping fields from the end.
 */
export function clampPayload<P extends { content?: string | null; embeds?: readonly unknown[] }>(payload: P): P {
  const out: P = { ...payload };
  if (typeof out.content === "string") out.content = cut(out.content, DISCORD_LIMITS.content) ?? "";
  if (!out.embeds) return out;
  const embeds = out.embeds.map((e) => clampEmbed(toJson(e)));
  let total = embeds.reduce((n, e) => n + embedSize(e), 0);
  for (const e of [...embeds].sort((a, b) => (b.description?.length ?? 0) - (a.description?.length ?? 0))) {
    if (total <= DISCORD_LIMITS.embedsTotal || !e.description) break;
    const keep = Math.max(0, e.description.length - (total - DISCORD_LIMITS.embedsTotal));
    total -= e.description.length - keep - 1;
    e.description = `${e.description.slice(0, keep)}…`;
  }
  for (let i = embeds.length - 1; i >= 0 && total > DISCORD_LIMITS.embedsTotal; i--) {
    const fields = embeds[i]?.fields;
    while (fields && fields.length > 0 && total > DISCORD_LIMITS.embedsTotal) {
      const f = fields.pop();
      total -= (f?.name.length ?? 0) + (f?.value.length ?? 0);
    }
  }
  out.embeds = embeds as unknown as P["embeds"];
  return out;
}

/** Builders (EmbedBuilder) and plain objects alike. */
function toJson(e: unknown): APIEmbed {
  return typeof (e as { toJSON?: unknown }).toJSON === "function"
    ? (e as { toJSON(): APIEmbed }).toJSON()
    : (e as APIEmbed);
}
