import type { Translator } from "../../i18n/translator.ts";
import type { BudgetFloorChange } from "../../services/budget/budgetFloors.ts";
import { categoryName } from "./categoryName.ts";

/** A share in basis points as the language writes a percentage ("15%", "15 %"). */
export const percentOf = (t: Translator, bps: number) =>
  t.number(bps / 10_000, { style: "percent", maximumFractionDigits: 2 });

/** Every floor of a guild in one line, and what is left to share by score. */
export function floorsText(t: Translator, floors: readonly { category: string; shareBps: number }[]): string {
  if (floors.length === 0) return t.t("budget.floorsNone");
  const rest = 10_000 - floors.reduce((n, f) => n + f.shareBps, 0);
  return t.t("budget.floorsNow", {
    floors: t.list(
      floors.map((f) =>
        t.t("budget.floorItem", { category: categoryName(t, f.category), share: percentOf(t, f.shareBps) }),
      ),
    ),
    rest: percentOf(t, rest),
  });
}

/** The reply to `/steward settings budget-floor`: what changed, and the floors now. */
export function budgetFloorChangeText(t: Translator, change: BudgetFloorChange): string {
  const category = categoryName(t, change.category);
  const head =
    change.shareBps === 0
      ? t.t(change.previousBps === 0 ? "budget.floorNoneToRemove" : "budget.floorRemoved", { category })
      : t.t("budget.floorSet", { category, share: percentOf(t, change.shareBps) });
  return `${head}\n${floorsText(t, change.floors)}`;
}

/** The reply when no share is given: the floors as they are, and how to change them. */
export function budgetFloorsView(t: Translator, floors: readonly { category: string; shareBps: number }[]): string {
  return `${floorsText(t, floors)}\n${t.t("budget.howToSet")}`;
}
