import type { CatalogOf } from "../catalogOf.ts";
import type { contribution as source } from "../en/contribution.ts";

export const contribution = {
  "contribution.category":
    "{category, select, code {代码} docs {文档} design {设计} research {研究} community {社区} ops {运维} other {其他}}",
  "contribution.status":
    "{status, select, submitted {已提交} evaluating {评估中} evaluated {已评估} final {已确定} withdrawn {已撤回} other {{status}}}",
  "contribution.embed.category.fieldName": "类别",
  "contribution.embed.status.fieldName": "状态",
  "contribution.embed.author.fieldName": "作者",
  "contribution.embed.hours.fieldName": "工时",
  "contribution.embed.links.fieldName": "链接",
  "contribution.embed.submitted.fieldName": "提交时间",
  "contribution.embed.withdrawn.fieldName": "撤回时间",
  "contribution.embed.footer": "Steward · 贡献#{id}",
  "contribution.list.mine.embedTitle": "你的贡献",
  "contribution.list.mineWithStatus.embedTitle": "你的贡献（{status}）",
  "contribution.list.all.embedTitle": "全部贡献",
  "contribution.list.allWithStatus.embedTitle": "全部贡献（{status}）",
  "contribution.list.mineEmpty": "你在这里还没有贡献。用`/contribute submit`提交一项吧。",
  "contribution.list.noMatch": "没有符合条件的贡献。",
  "contribution.list.footer": "第{page}页，共{pages}页 · 共{total}项",
  "contribution.form.modalTitle": "提交贡献",
  "contribution.form.title.inputLabel": "标题",
  "contribution.form.description.inputLabel": "你做了什么，为什么重要",
  "contribution.form.links.inputLabel": "链接（最多5个，每行一个）",
  "contribution.submitted": "贡献**#{id}**“{title}”已提交，正在等待评估。{postNote}",
  "contribution.withdrawn": "贡献**#{id}**“{title}”已撤回。",
} as const satisfies CatalogOf<typeof source>;
