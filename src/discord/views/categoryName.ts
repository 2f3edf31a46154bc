import type { Translator } from "../../i18n/translator.ts";

/** A contribution category's name in the reader's language (the database keeps the English code), wherever one is shown. */
export const categoryName = (t: Translator, category: string) => t.t("contribution.category", { category });
