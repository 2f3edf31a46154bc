import { SlashCommandAssertions } from "@discordjs/builders";
import { defaultSpecPath, SpecValidator } from "@steward/discord-sandbox";
import { describe, expect, it } from "vitest";
import { CONTRIBUTION_CATEGORY_CHOICES, CONTRIBUTION_STATUS_CHOICES } from "../../commands/contribute.ts";
import { commandDefinitions } from "../../commands/index.ts";
import { deployBody } from "../../src/discord/deployCommands.ts";
import { describeCommands } from "../../src/discord/handlers/help.ts";
import { commandAudience } from "../../src/discord/permissions.ts";
import { commandHandlers } from "../../src/discord/router.ts";
import { ContributionCategory, ContributionStatus } from "../../src/generated/prisma/enums.ts";

interface Option {
  type: number;
  name: string;
  description: string;
  required?: boolean;
  choices?: { name: string; value: string | number }[];
  min_length?: number;
  max_length?: number;
  options?: Option[];
}

/** Discord's documented limits on application commands. */
const LIMITS = { options: 25, choices: 25, description: 100, totalCharacters: 4000, stringMax: 6000 };

function totalCharacters(c: { name: string; description: string; options?: readonly Option[] }): number {
  const walk = (o: Option): number =>
    o.name.length +
    o.description.length +
    (o.choices ?? []).reduce((n, ch) => n + ch.name.length + String(ch.value).length, 0) +
    (o.options ?? []).reduce((n, x) => n + walk(x), 0);
  return c.name.length + c.description.length + (c.options ?? []).reduce((n, o) => n + walk(o), 0);
}

function checkOptions(options: readonly Option[], where: string) {
  expect(options.length, `${where}: option count`).toBeLessThanOrEqual(LIMITS.options);
  SlashCommandAssertions.validateMaxOptionsLength(options as never);
  let seenOptional = false;
  const names = new Set<string>();
  for (const o of options) {
    SlashCommandAssertions.validateName(o.name);
    SlashCommandAssertions.validateDescription(o.description);
    expect(o.name, `${where}: option names are lowercase`).toBe(o.name.toLowerCase());
    expect(names.has(o.name), `${where}: duplicate option ${o.name}`).toBe(false);
    names.add(o.name);
    if (o.type === 1 || o.type === 2) {
      checkOptions(o.options ?? [], `${where} ${o.name}`);
      continue;
    }
    // Discord rejects required options after optional ones.
    if (o.required) expect(seenOptional, `${where}: required ${o.name} after an optional option`).toBe(false);
    else seenOptional = true;
    if (o.choices) expect(o.choices.length).toBeLessThanOrEqual(LIMITS.choices);
    if (o.max_length !== undefined) expect(o.max_length).toBeLessThanOrEqual(LIMITS.stringMax);
  }
}

describe("command definitions", () => {
  it.each(commandDefinitions.map((c) => [c.name, c] as const))("/%s is within Discord's limits", (_name, command) => {
    SlashCommandAssertions.validateName(command.name);
    SlashCommandAssertions.validateDescription(command.description);
    expect(command.name).toBe(command.name.toLowerCase());
    checkOptions(("options" in command ? command.options : []) as readonly Option[], `/${command.name}`);
    expect(totalCharacters(command as never)).toBeLessThanOrEqual(LIMITS.totalCharacters);
  });

  it("has unique command names and matches Discord's bulk-overwrite request schema", () => {
    const names = commandDefinitions.map((c) => c.name);
    expect(new Set(names).size).toBe(names.length);
    const validator = new SpecValidator(defaultSpecPath());
    expect(validator.validateRequest("PUT", "/applications/1/guilds/2/commands", deployBody())).toBeUndefined();
    expect(validator.validateRequest("PUT", "/applications/1/guilds/2/commands", [{ name: 5 }])).toBeDefined();
  });

  it("gives every command path exactly one handler and one audience, and nothing else", () => {
    const paths = describeCommands()
      .map((c) => c.path)
      .sort();
    expect(new Set(paths).size).toBe(paths.length);
    expect(Object.keys(commandHandlers).sort()).toEqual(paths);
    expect(Object.keys(commandAudience).sort()).toEqual(paths);
  });

  it("offers exactly the categories and statuses the database knows", () => {
    expect([...CONTRIBUTION_CATEGORY_CHOICES].sort()).toEqual(Object.values(ContributionCategory).sort());
    expect([...CONTRIBUTION_STATUS_CHOICES].sort()).toEqual(Object.values(ContributionStatus).sort());
  });

  it("would catch a name Discord refuses", () => {
    expect(() => SlashCommandAssertions.validateName("Bad Name")).toThrow();
    expect(() => SlashCommandAssertions.validateDescription("x".repeat(101))).toThrow();
  });
});
