import type { CatalogOf } from "../catalogOf.ts";
import type { evaluation as source } from "../en/evaluation.ts";

export const evaluation = {
  "evaluation.criterion":
    "{criterion, select, impact {影响} quality {质量} effort {投入} alignment {契合度} other {{criterion}}}",
  "evaluation.flag":
    "{flag, select, possible_duplicate {可能重复} low_evidence {证据不足} prompt_injection_suspected {文本中含有写给评估器的指令} needs_human {需要人工查看} possible_duplicate_claim {有链接已被另一项贡献认领} keyword_stuffing {堆砌了描述分数的词语} jury_disagrees {盲审团的评分与模型相差很大} not_authors_work {他人编写的拉取请求：在这里不计报酬} reverted {拉取请求后来被回滚：付款前需人工查看} self_merged {由作者在只有自己能控制的仓库中合并：最多按未经审查的工作付酬} split_work {同一项工作被拆成多个拉取请求和贡献：付款前需人工查看} other {{flag}}}",
  "evaluation.evaluator": "{evaluator, select, rubric {评分细则} llm {大模型} human {人工} other {{evaluator}}}",
  "evaluation.score.fieldName": "{criterion} — {score}/10（权重{weight}）",
  "evaluation.override.fieldName": "由管理员设定",
  "evaluation.override.value": "<@{moderator}>设定了总分和奖励；评估器的各项评分保留在审计日志中。",
  "evaluation.total.fieldName": "总分",
  "evaluation.reward.fieldName": "建议奖励",
  "evaluation.reward.withdrawn": "无：该贡献已撤回（原为{amount}）",
  "evaluation.confidence.fieldName": "置信度",
  "evaluation.evidence.fieldName": "证据",
  "evaluation.github.fieldName": "GitHub核实结果",
  "evaluation.flags.fieldName": "标记",
  "evaluation.embed.title":
    "{purpose, select, appeal {#{id}的申诉复评 · {title}} override {#{id}的管理员评估 · {title}} other {#{id}的评估 · {title}}}",
  "evaluation.embed.withdrawnSuffix": "（已撤回）",
  "evaluation.embed.footer": "评估方：{model} · 评分细则v{version}",
  "evaluation.posted": "<@{author}>，你的贡献**#{id}**已完成评估。",
  "evaluation.appeal.embedTitle": "对#{id}评估的申诉#{appealId}",
  "evaluation.appeal.by.fieldName": "申诉人",
  "evaluation.appeal.firstPass.fieldName": "初评",
  "evaluation.appeal.secondPass.fieldName": "复评",
  "evaluation.appeal.footer": "管理员：“接受”会让复评成为有效评估；“驳回”则保留初评。",
  "evaluation.appeal.accept.button": "接受",
  "evaluation.appeal.reject.button": "驳回",
  "evaluation.appeal.accepted": "申诉#{appealId}已由<@{moderator}>接受：复评现在是有效评估。",
  "evaluation.appeal.rejected": "申诉#{appealId}已被<@{moderator}>驳回：初评维持不变。",
  "evaluation.appeal.filed":
    "你对贡献#{id}的申诉#{appealId}已提交。第二次评估现在开始；完成后，两次评估都会发布在{channel}，由管理员接受或驳回。",
  "evaluation.overridden":
    "#{id}的评估已被改写：{oldTotal}/100 → {newTotal}/100，{oldReward} → {newReward}。原评估已保留。",
  "evaluation.cleared":
    "已放行：贡献#{id}的评估（{total}/100，{reward}）将在其纪元的分配中按评估结果付款。你的备注已记入审计日志。",
  "evaluation.usage.epoch.embedTitle": "评估用量，第{epoch}纪元",
  "evaluation.usage.epochSince.embedTitle": "评估用量，第{epoch}纪元（自{since}起）",
  "evaluation.usage.days.embedTitle": "评估用量，最近{count, plural, other {#天}}",
  "evaluation.usage.evaluations.fieldName": "评估次数",
  "evaluation.usage.fallbacks.fieldName": "大模型失败后改用评分细则的次数",
  "evaluation.usage.tokens.fieldName": "输入/输出令牌数",
  "evaluation.usage.cost.fieldName": "费用",
} as const satisfies CatalogOf<typeof source>;
