/** English: the source every other catalog translates. Keys start with "budget.". */
export const budget = {
  "budget.floorItem": "{category} {share}",
  "budget.floorsNone": "No category has a floor: when rewards exceed the budget, all of it is shared by score.",
  "budget.floorsNow": "Floors now: {floors}; the rest ({rest}) is shared by score.",
  "budget.floorSet":
    "From the next epoch close, **{category}** receives at least {share} of the budget when the rewards exceed it, before the rest is shared by score (less only if its contributions asked for less).",
  "budget.floorRemoved":
    "**{category}** has no floor any more: from the next epoch close it is shared by score like the rest.",
  "budget.floorNoneToRemove": "**{category}** had no floor: nothing was changed.",
  "budget.howToSet": "Set one with `/steward settings budget-floor category:… share:15%` (`share:0%` removes it).",
  "budget.error.invalidShare":
    "`{input}` is not a share of the budget: give a percentage from 0% to 100%, such as 15% or 12.5% (0% removes the floor).",
  "budget.error.floorsOver":
    "**{category}** cannot have a {share} floor: the other categories' floors already take {others}, and all floors together may take at most 100% of the budget. Lower another floor first. Nothing was changed.",
} as const;
