import type { CatalogOf } from "../catalogOf.ts";
import type { ballot as source } from "../en/ballot.ts";

export const ballot = {
  "ballot.for.button": "赞成",
  "ballot.against.button": "反对",
  "ballot.abstain.button": "弃权",
  "ballot.approval.placeholder": "认可任意数量的选项",
  "ballot.spreadPoints.button": "分配你的点数",
  "ballot.rank.placeholder": "选出你排第{position}位的选项",
  "ballot.points.placeholder": "给“{choice}”的点数",
  "ballot.points.optionLabel": "{count, plural, other {#点}}",
  "ballot.choiceNumber": "选项{n}",
  "ballot.noneOfTheChoices": "不选任何选项",
  "ballot.choicePoints": "{choice}：{count, plural, other {#点}}",
  "ballot.ranked": "第{position}位：{choice}",
  "ballot.unchanged": "你已在提案#{id}上投了**{vote}**（权重{weight}），没有任何变化。你可以在{until}之前更改投票。",
  "ballot.recorded":
    "你在提案#{id}上的投票：**{vote}**{replaced, select, yes {（取代你之前的投票：{previous}）} other {}}，权重{weight}。{conflicted, select, yes {你的钱包会从这项提案中获得支付，因此结果也会另外显示不计你这一票的情况。} other {}}以最后一次投票为准：你可以在{until}之前更改。",
  "ballot.rankingSoFar": "你目前对提案#{id}的排序：{ranking}。",
  "ballot.spread":
    "为提案#{id}的每个选项分配最多{max}点；你的权重将按比例分配{quadratic, select, yes {（二次方：每个选项按其所得部分的平方根计）} other {}}。{sofar}",
  "ballot.spreadSoFar": "目前：{given}。",
} as const satisfies CatalogOf<typeof source>;
