import type { CatalogOf } from "../catalogOf.ts";
import type { epoch as source } from "../en/epoch.ts";

export const epoch = {
  "epoch.status.embedTitle": "第{number}纪元",
  "epoch.status.covers.fieldName": "范围",
  "epoch.status.coversEverything": "迄今提交的全部内容（第一个纪元）",
  "epoch.status.started.fieldName": "开始时间",
  "epoch.status.budget.fieldName": "预算",
  "epoch.status.budgetLeft.fieldName": "扣除建议奖励后的剩余预算",
  "epoch.status.submitted.fieldName": "已提交，等待评估",
  "epoch.status.evaluated.fieldName": "已评估",
  "epoch.status.underAppeal.fieldName": "申诉中",
  "epoch.status.flagged.fieldName": "已标记，等待管理员处理（清除前不支付）",
  "epoch.status.noneFlagged": "无",
  "epoch.status.flagged":
    "{ids}{hasMore, select, yes {，另有{more}项} other {}}：`/evaluation clear`或`/evaluation override`",
  "epoch.status.compute.fieldName": "算力（如果现在结束本纪元）",
  "epoch.status.computeNothing": "暂无：{online}个节点在线；{budget}的算力预算按已验证算力×在线时长分配。",
  "epoch.status.computeShared":
    "{total}支付给{providers}个提供者：{nodes}个节点按已验证算力×在线时长分享{budget}的算力预算{hasLeases, select, yes {，{leases}个已结束的租约按交付的GPU小时计费} other {}}。当前有{online}个节点在线。",
  "epoch.status.jury.fieldName": "盲审评审团（截至目前）",
  "epoch.jury.noneReviewed": "评审团：已抽取{sampled}项贡献，尚无评审。",
  "epoch.jury.size": "{items}项，{jurors}名评审员",
  "epoch.jury.notMeasurable":
    "评审团一致性：无法测量（Spearman需要至少两项得分不同的内容；{size}）{hasDiff, select, yes {；平均差异{difference}分} other {}}。",
  "epoch.jury.agreement":
    "评审团一致性：{rho}（Spearman，{size}）{hasDiff, select, yes {；平均差异{difference}分} other {}}。",
  "epoch.jury.belowMinimum": "低于最低要求{minimum}：模型评分与评审团的评分不一致，投票前请检查被抽查的评估。",
  "epoch.closing": "正在结束本纪元并起草分配方案……",
  "epoch.closed.closed": "第{number}纪元已结束；第{next}纪元已开始。",
  "epoch.closed.nothingToPayCarried":
    "{closed}没有需要支付的款项，因此没有可供投票的分配方案：{count, plural, other {#名}}没有已验证钱包的成员的奖励结转至下一个纪元。",
  "epoch.closed.nothingToPay": "{closed}没有需要支付的款项，因此没有可供投票的分配方案：本纪元没有任何贡献被评估。",
  "epoch.closed.electorateUnavailable":
    "无法获取成员列表：如果持续失败，请用`/steward status`检查Server Members Intent",
  "epoch.closed.notOpened": "无法开放投票（{reason}）",
  "epoch.closed.unknownReason": "原因未知",
  "epoch.closed.votingOpen": "投票开放至{until}。",
  "epoch.closed.staysDraft": "在管理员用`/proposal open`开放投票之前，它将保持草稿状态（{why}）。",
  "epoch.closed.proposal":
    "{closed}分配提案#{id}（{count, plural, other {{payouts}笔支付}}，批次哈希`{batch}`）{where, select, posted {已发布在{channel}。} other {已保存。}}{note}{vote}",
} as const satisfies CatalogOf<typeof source>;
