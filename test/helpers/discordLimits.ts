import { DISCORD_LIMITS } from "../../src/discord/views/clampPayload.ts";

/** Discord's limits on components and forms (https://discord.com/developers/docs/components/reference). */
const COMPONENT_LIMITS = {
  buttonLabel: 80,
  selectPlaceholder: 150,
  optionLabel: 100,
  optionDescription: 100,
  modalTitle: 45,
  inputLabel: 45,
  inputPlaceholder: 100,
} as const;

type Node = Record<string, unknown>;

/**
 * What in a message or form a view made would Discord refuse, or Steward have to cut ("content: 2,140 > 2,000"):
 * empty when everything fits. Checked before `clampPayload`, so a translation that only fits by being cut fails.
 */
export function discordLimitProblems(payload: unknown): string[] {
  const problems: string[] = [];
  const check = (what: string, text: unknown, max: number) => {
    if (typeof text === "string" && text.length > max)
      problems.push(`${what}: ${text.length} > ${max} (${text.slice(0, 60)}…)`);
  };
  const p = payload as Node;
  check("content", p.content, DISCORD_LIMITS.content);
  check("modal title", typeof p.custom_id === "string" ? p.title : undefined, COMPONENT_LIMITS.modalTitle);
  for (const [i, e] of ((p.embeds as Node[] | undefined) ?? []).entries()) {
    const embed = (
      typeof (e as { toJSON?: unknown }).toJSON === "function" ? (e as { toJSON(): Node }).toJSON() : e
    ) as Node;
    check(`embed ${i} title`, embed.title, DISCORD_LIMITS.embedTitle);
    check(`embed ${i} description`, embed.description, DISCORD_LIMITS.embedDescription);
    check(`embed ${i} footer`, (embed.footer as Node | undefined)?.text, DISCORD_LIMITS.footer);
    check(`embed ${i} author`, (embed.author as Node | undefined)?.name, DISCORD_LIMITS.authorName);
    const fields = (embed.fields as Node[] | undefined) ?? [];
    if (fields.length > DISCORD_LIMITS.embedFields) problems.push(`embed ${i}: ${fields.length} fields > 25`);
    for (const f of fields) {
      check(`embed ${i} field name`, f.name, DISCORD_LIMITS.fieldName);
      check(`embed ${i} field value`, f.value, DISCORD_LIMITS.fieldValue);
    }
  }
  walk(p.components, (c) => {
    const type = c.type;
    if (type === 2) check("button label", c.label, COMPONENT_LIMITS.buttonLabel);
    if (type === 3 || (typeof type === "number" && type >= 5 && type <= 8)) {
      check("select placeholder", c.placeholder, COMPONENT_LIMITS.selectPlaceholder);
      for (const o of (c.options as Node[] | undefined) ?? []) {
        check("option label", o.label, COMPONENT_LIMITS.optionLabel);
        check("option description", o.description, COMPONENT_LIMITS.optionDescription);
      }
    }
    if (type === 4) {
      check("text input label", c.label, COMPONENT_LIMITS.inputLabel);
      check("text input placeholder", c.placeholder, COMPONENT_LIMITS.inputPlaceholder);
    }
    if (type === 18) check("label", c.label, COMPONENT_LIMITS.inputLabel);
  });
  return problems;
}

function walk(components: unknown, visit: (c: Node) => void) {
  for (const raw of (components as unknown[] | undefined) ?? []) {
    const c = (
      typeof (raw as { toJSON?: unknown }).toJSON === "function" ? (raw as { toJSON(): Node }).toJSON() : raw
    ) as Node;
    visit(c);
    walk(c.components, visit);
    if (c.component) walk([c.component], visit);
  }
}
