import { type APIApplicationCommandOptionChoice, ApplicationCommandOptionType } from "discord-api-types/v10";
import { localized, type Translations } from "./localized.ts";

/** The proposal id option shared by /proposal and /payout. */
export const proposalIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "proposal",
  description: "Proposal id (the number after #)",
  description_localizations: localized({
    "zh-CN": "提案编号（#后面的数字）",
    "es-ES": "ID de la propuesta (el número tras #)",
  }),
  required: true,
} as const;

/** The contribution id option shared by /evaluation and /appeal. */
export const contributionIdOption = {
  type: ApplicationCommandOptionType.Integer,
  name: "contribution",
  description: "Contribution id (the number after #)",
  description_localizations: localized({
    "zh-CN": "贡献编号（#后面的数字）",
    "es-ES": "ID de la contribución (el número tras #)",
  }),
  required: true,
} as const;

/** An on/off choice as members see it in their language (the value stays `on` / `off`). */
export const onOffChoices: APIApplicationCommandOptionChoice<string>[] = [
  { name: "on", name_localizations: localized({ "zh-CN": "开启", "es-ES": "activado" }), value: "on" },
  { name: "off", name_localizations: localized({ "zh-CN": "关闭", "es-ES": "desactivado" }), value: "off" },
];

/** "Yours or everyone's" for the list commands. */
export const scopeChoices = (mine: Translations, all: Translations): APIApplicationCommandOptionChoice<string>[] => [
  { name: "mine", name_localizations: localized(mine), value: "mine" },
  { name: "all", name_localizations: localized(all), value: "all" },
];
