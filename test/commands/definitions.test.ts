import { SlashCommandAssertions } from "@discordjs/builders";
import { defaultSpecPath, SpecValidator, startSandbox } from "@steward/discord-sandbox";
import { describe, expect, it } from "vitest";
import { CONTRIBUTION_CATEGORY_CHOICES, CONTRIBUTION_STATUS_CHOICES } from "../../commands/contribute.ts";
import { commandDefinitions } from "../../commands/index.ts";
import { descriptionIn } from "../../commands/localized.ts";
import { deployBody, deployCommands } from "../../src/discord/deployCommands.ts";
import { describeCommands } from "../../src/discord/handlers/help.ts";
import { commandAudience } from "../../src/discord/permissions.ts";
import { commandHandlers } from "../../src/discord/router.ts";
import { ContributionCategory, ContributionStatus } from "../../src/generated/prisma/enums.ts";
import { DISCORD_LOCALES, LOCALES } from "../../src/i18n/locales.ts";

type Localizations = Partial<Record<string, string | null>>;

interface Option {
  type: number;
  name: string;
  description: string;
  description_localizations?: Localizations;
  required?: boolean;
  choices?: { name: string; name_localizations?: Localizations; value: string | number }[];
  min_length?: number;
  max_length?: number;
  options?: Option[];
}

/** Discord's documented limits on application commands. */
const LIMITS = { options: 25, choices: 25, description: 100, totalCharacters: 4000, stringMax: 6000 };

/** A field as Discord counts it towards a command's size: its longest text among the default and its localizations. */
const longest = (text: string, localizations?: Localizations) =>
  Math.max(text.length, ...Object.values(localizations ?? {}).map((l) => l?.length ?? 0));

function totalCharacters(c: {
  name: string;
  description: string;
  description_localizations?: Localizations;
  options?: readonly Option[];
}): number {
  const walk = (o: Option): number =>
    o.name.length +
    longest(o.description, o.description_localizations) +
    (o.choices ?? []).reduce((n, ch) => n + longest(ch.name, ch.name_localizations) + String(ch.value).length, 0) +
    (o.options ?? []).reduce((n, x) => n + walk(x), 0);
  return (
    c.name.length +
    longest(c.description, c.description_localizations) +
    (c.options ?? []).reduce((n, o) => n + walk(o), 0)
  );
}

/** Every Discord locale Steward answers to: each of its languages but English, under each Discord tag for it. */
const TRANSLATED_LOCALES = LOCALES.filter((l) => l !== "en")
  .flatMap((l) => DISCORD_LOCALES[l])
  .sort();

/**
 * What is wrong with one text's localizations: a Discord locale Steward speaks that has no text (shown in English
 * to that member), a locale Steward does not speak, or a text outside Discord's 1–100 characters.
 */
function localizationProblems(where: string, localizations: Localizations | undefined): string[] {
  const given = Object.keys(localizations ?? {}).sort();
  const problems: string[] = [];
  for (const locale of TRANSLATED_LOCALES) if (!given.includes(locale)) problems.push(`${where}: no ${locale}`);
  for (const locale of given) if (!TRANSLATED_LOCALES.includes(locale)) problems.push(`${where}: extra ${locale}`);
  for (const [locale, text] of Object.entries(localizations ?? {})) {
    const length = text?.length ?? 0;
    if (length < 1 || length > 100) problems.push(`${where} (${locale}): ${length} characters: ${text}`);
  }
  return problems;
}

/** Every description's and choice's localization problems in a command, its subcommands and options. */
function commandLocalizationProblems(c: {
  name: string;
  description_localizations?: Localizations;
  options?: readonly Option[];
}): string[] {
  const walk = (o: Option, where: string): string[] => [
    ...localizationProblems(`${where} description`, o.description_localizations),
    ...(o.choices ?? []).flatMap((ch) => localizationProblems(`${where} choice ${ch.name}`, ch.name_localizations)),
    ...(o.options ?? []).flatMap((x) => walk(x, `${where} ${x.name}`)),
  ];
  return [
    ...localizationProblems(`/${c.name} description`, c.description_localizations),
    ...(c.options ?? []).flatMap((o) => walk(o, `/${c.name} ${o.name}`)),
  ];
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

  it.each(commandDefinitions.map((c) => [c.name, c] as const))(
    "/%s has every description and choice in every language Steward speaks, within Discord's limits",
    (_name, command) => {
      expect(TRANSLATED_LOCALES).toEqual(["es-419", "es-ES", "zh-CN"]);
      expect(commandLocalizationProblems(command as never)).toEqual([]);
    },
  );

  it("would catch a missing language, an unknown one and a description Discord refuses", () => {
    const option = (localizations: Localizations): Option => ({
      type: 3,
      name: "x",
      description: "x",
      description_localizations: localizations,
    });
    const ok = { "zh-CN": "中文", "es-ES": "español", "es-419": "español" };
    expect(commandLocalizationProblems({ name: "c", description_localizations: ok, options: [option(ok)] })).toEqual(
      [],
    );
    const { "es-419": _, ...noLatinAmerica } = ok;
    expect(
      commandLocalizationProblems({ name: "c", description_localizations: ok, options: [option(noLatinAmerica)] }),
    ).toEqual(["/c x description: no es-419"]);
    expect(commandLocalizationProblems({ name: "c", description_localizations: { ...ok, fr: "français" } })).toEqual([
      "/c description: extra fr",
    ]);
    expect(
      commandLocalizationProblems({ name: "c", description_localizations: { ...ok, "zh-CN": "字".repeat(101) } }),
    ).toHaveLength(1);
    expect(commandLocalizationProblems({ name: "c", description_localizations: { ...ok, "es-ES": "" } })).toHaveLength(
      1,
    );
    const choice = {
      type: 3,
      name: "x",
      description: "x",
      description_localizations: ok,
      choices: [{ name: "on", value: "on" }],
    };
    expect(commandLocalizationProblems({ name: "c", description_localizations: ok, options: [choice] })).toEqual([
      "/c x choice on: no es-419",
      "/c x choice on: no es-ES",
      "/c x choice on: no zh-CN",
    ]);
  });

  it("gives a description in each of Steward's languages, English as written", () => {
    const wallet = commandDefinitions.find((c) => c.name === "wallet");
    if (!wallet) throw new Error("no /wallet");
    expect(descriptionIn(wallet, "en")).toBe("Link the wallet your rewards are paid to");
    expect(descriptionIn(wallet, "zh-CN")).toBe("关联接收奖励的钱包");
    expect(descriptionIn(wallet, "es-ES")).toBe("Vincula la cartera a la que se pagan tus recompensas");
  });

  it("registers with its localizations on the sandbox, which checks them as Discord does", async () => {
    const discord = await startSandbox({ validator: new SpecValidator(defaultSpecPath()) });
    try {
      const deploy = () =>
        deployCommands({
          token: discord.token,
          applicationId: discord.applicationId,
          guildIds: [discord.guildId],
          apiUrl: discord.apiUrl,
        });
      expect((await deploy()).count).toBe(commandDefinitions.length);
      expect(discord.violations).toEqual([]);
      const wallet = discord.state.guildCommands.find((c) => c.name === "wallet");
      expect(wallet?.description_localizations).toEqual({
        "zh-CN": "关联接收奖励的钱包",
        "es-ES": "Vincula la cartera a la que se pagan tus recompensas",
        "es-419": "Vincula la cartera a la que se pagan tus recompensas",
      });
      const contribute = discord.state.guildCommands.find((c) => c.name === "contribute") as unknown as Option;
      const category = contribute.options?.[0]?.options?.find((o) => o.name === "category");
      expect(category?.choices?.find((c) => c.value === "docs")?.name_localizations?.["zh-CN"]).toBe("文档");

      // A locale Discord does not have is refused (50035), as Discord refuses it.
      const res = await fetch(`${discord.apiUrl}/v10/applications/${discord.applicationId}/commands`, {
        method: "PUT",
        headers: { authorization: `Bot ${discord.token}`, "content-type": "application/json" },
        body: JSON.stringify([{ name: "x", description: "x", description_localizations: { "es-MX": "x" }, type: 1 }]),
      });
      expect(res.status).toBe(400);
      expect(((await res.json()) as { code: number }).code).toBe(50035);
    } finally {
      await discord.close();
    }
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
