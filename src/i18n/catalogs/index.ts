import type { Locale } from "../locales.ts";
import { en } from "./en/index.ts";
import { esES } from "./es-ES/index.ts";
import { zhCN } from "./zh-CN/index.ts";

/** Every message id: the keys of the English catalog, which every other catalog must have too. */
export type MessageKey = keyof typeof en;
export type Catalog = Readonly<Record<MessageKey, string>>;

export const catalogs: Readonly<Record<Locale, Catalog>> = { en, "zh-CN": zhCN, "es-ES": esES };
