import type { CatalogOf } from "../catalogOf.ts";
import type { jury as source } from "../en/jury.ts";

export const jury = {
  "jury.item.embedTitle": "评审项{id} · {title}",
  "jury.item.category.fieldName": "类别",
  "jury.item.hours.fieldName": "申报工时",
  "jury.item.evidence.fieldName": "证据",
  "jury.item.criteria.fieldName": "每项按0到10打分",
  "jury.item.footer": "第{epoch}纪元的盲评：作者和模型的评分均已隐藏。你还剩{count}项待评（含本项）。",
  "jury.item.score.button": "打分",
  "jury.nothing.noSample": "暂时没有需要评审的内容：第{epoch}纪元还没有可抽样的已评估贡献。",
  "jury.nothing.done":
    "第{epoch}纪元的{sampled}项抽样中已没有留给你的内容：你已为所有可评的项打分（你自己的贡献以及与你共用钱包者的贡献不会显示）。谢谢！",
  "jury.score.modalTitle": "为评审项{id}打分",
  "jury.score.criterion.inputLabel": "{criterion}（0到10）",
  "jury.recorded": "已记录你对评审项{id}的评分：{scores}。使用/jury next查看下一项。",
} as const satisfies CatalogOf<typeof source>;
