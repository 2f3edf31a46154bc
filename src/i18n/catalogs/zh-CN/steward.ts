import type { CatalogOf } from "../catalogOf.ts";
import type { steward as source } from "../en/steward.ts";

export const steward = {
  "steward.pager.previous.button": "上一页",
  "steward.pager.next.button": "下一页",
  "steward.digest.quotedTitle": "“{title}”",
  "steward.digest.contributionLine": "**#{id}** {title} · {category} · 作者<@{author}>",
  "steward.digest.contributions": "**{count, plural, other {#项新贡献}}**，由于同时收到很多，合并在一起列出。",
  "steward.digest.contributions.footer": "使用/contribute show id查看完整内容",
  "steward.digest.evaluationLine":
    "**#{id}** {title}，作者<@{author}>：{score}/100，建议奖励{reward}{held, select, yes { · 等待人工审核} other {}}",
  "steward.digest.evaluations":
    "**{count, plural, other {#项贡献已评估}}**，由于同时完成了很多评估，合并在一起列出：{mentions}",
  "steward.digest.evaluations.footer": "使用/evaluation show contribution查看分数、依据和标记",
} as const satisfies CatalogOf<typeof source>;
