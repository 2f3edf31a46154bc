import type { CatalogOf } from "../catalogOf.ts";
import type { budget as source } from "../en/budget.ts";

export const budget = {
  "budget.floorItem": "{category} {share}",
  "budget.floorsNone": "没有任何类别设置保底：奖励超出预算时，全部预算按评分分配。",
  "budget.floorsNow": "当前保底：{floors}；其余（{rest}）按评分分配。",
  "budget.floorSet":
    "从下一次纪元结算起，当奖励超出预算时，**{category}** 至少获得预算的 {share}，其余再按评分分配（只有当该类别的贡献申请的金额更少时才会低于此比例）。",
  "budget.floorRemoved": "**{category}** 已不再有保底：从下一次纪元结算起，它和其他类别一样按评分分配。",
  "budget.floorNoneToRemove": "**{category}** 原本就没有保底：没有做任何更改。",
  "budget.howToSet": "用 `/steward settings budget-floor category:… share:15%` 设置保底（`share:0%` 表示取消）。",
  "budget.error.invalidShare":
    "`{input}` 不是有效的预算比例：请填写 0% 到 100% 之间的百分比，例如 15% 或 12.5%（0% 表示取消保底）。",
  "budget.error.floorsOver":
    "**{category}** 不能设置 {share} 的保底：其他类别的保底已占 {others}，所有保底合计最多只能占预算的 100%。请先降低其他类别的保底。没有做任何更改。",
} as const satisfies CatalogOf<typeof source>;
