import type { CatalogOf } from "../catalogOf.ts";
import type { audit as source } from "../en/audit.ts";

export const audit = {
  "audit.subject":
    "{kind, select, transaction {交易{key}} proposal {提案#{key}} contribution {贡献#{key}} other {节点#{key}}}",
  "audit.path.embedTitle": "审计追溯：{subject}",
  "audit.lines.embedTitle": "审计追溯：{subject}——付款第{from}–{to}条，共{total}条",
  "audit.footer": "{subject}的追溯 · 第{page}/{pages}页 · 完整核验：steward audit verify",
  "audit.path.transaction": "**① 交易** {tx}——{status}",
  "audit.path.transactionInBlock": "**① 交易** {tx}——{status}，位于区块{block}",
  "audit.path.chunk": "第{index}/{count}个分块：{lines}笔付款，{amount} · 批次ID `{batchId}…`",
  "audit.path.node": "**节点#{id} {name}**——{gpu}，{region}，{status}；提供者{provider}",
  "audit.path.batch": "**② 批次**（提案#{id}）——哈希`{hash}`",
  "audit.path.batchOfEpoch": "**② 批次**（提案#{id}）——哈希`{hash}`（第{epoch}纪元）",
  "audit.path.noHash": "无",
  "audit.path.proposal": "**③ 提案#{id}** {title}——{status}，发起人{author}",
  "audit.path.vote":
    "**④ 投票**（{type}）——{voters}位投票者；法定人数为合格权重{eligible}中的{quorum}{quorumMet, select, yes {，已达到} no {，未达到} other {}}",
  "audit.path.noTally": "尚无计票结果。",
  "audit.path.conflictedExcluded": "{count}位投票者由这个批次付款：他们的票不计入。",
  "audit.path.conflictedCounted": "{count}位投票者由这个批次付款（已计入；在提案中单独显示）。",
  "audit.path.approvals": "**⑤ 批准**——{count}",
  "audit.path.approvalsBy": "**⑤ 批准**——{count}：{list}",
  "audit.path.approvalsOfRequired": "**⑤ 批准**——{count}/{required}（所需）",
  "audit.path.approvalsOfRequiredBy": "**⑤ 批准**——{count}/{required}（所需）：{list}",
  "audit.path.transactions": "**交易**——{list}",
  "audit.path.anchored": "**结束时的审计链头**——事件#{eventId} `{hash}…`，已锚定在链上区块{block}",
  "audit.path.notAnchored": "**结束时的审计链头**——事件#{eventId} `{hash}…`，尚未锚定到链上",
  "audit.path.reasons": "**⑥ 原因**——{count}条付款明细，见后面{pages, plural, other {的页面}}。",
  "audit.chunkStatus":
    "{status, select, planned {已计划} signed {已签名} broadcast {已广播} mined {已打包} confirmed {已确认} failed {失败} awaiting_execution {等待执行} other {{status}}}",
  "audit.proposalStatus":
    "{status, select, draft {草稿：尚未开放投票} open {投票中} passed {已通过} rejected {未通过} expired {已过期：未达到法定人数} awaiting_approval {已通过 · 等待管理员批准} approved {已批准 · 等待结算} vetoed {已被管理员否决} settling {正在链上结算} settled {已结算} failed {结算失败} other {{status}}}",
  "audit.votingType":
    "{type, select, basic {基本（赞成/反对/弃权）} single_choice {单选} approval {认可投票（可选任意数量）} weighted {加权（分配你的点数）} quadratic {二次方（分配你的点数；每个选项的权重按平方根计算）} ranked_choice {排序投票（即时决选）} other {{type}}}",
  "audit.note.withdrawn": "它已被撤回：不会为它付款。",
  "audit.note.notInClosedEpoch": "它还不在已结束的纪元中：投票通过后，由它所在纪元的分配付款。",
  "audit.note.carried":
    "第{epoch}纪元结束时，它的作者没有已验证的钱包：这份奖励已结转到下一个纪元的分配（绑定钱包后支付）。",
  "audit.note.carriedPaid":
    "第{epoch}纪元结束时，它的作者没有已验证的钱包：这份奖励已结转，并随之后某个纪元的分配支付。",
  "audit.note.noShare": "它所在的纪元结束时没有为它付款（没有可支付的份额）。",
  "audit.note.nodeUnpaid": "它在已结束的各纪元中还没有获得任何收益。",
  "audit.note.nodeLatestEpoch": "显示的是该节点最近一次获得付款的那个纪元。",
  "audit.note.notPaidYet":
    "尚未在链上付款：该提案当前状态为{status, select, draft {草稿} open {投票中} passed {已通过} rejected {未通过} expired {已过期} awaiting_approval {待审批} approved {已批准} vetoed {已否决} settling {结算中} settled {已结算} failed {失败} other {{status}}}。",
  "audit.line": "**{recipient}**——{amount}",
  "audit.lineInChunk": "**{recipient}**——{amount}（第{chunk}个分块）",
  "audit.reason.uptime": "节点#{id} {node}的在线时长：{hours}小时 → {amount}",
  "audit.reason.lease": "节点#{nodeId} {node}上的租约#{leaseId} → {amount}",
  "audit.reason.carry": "从之前某个纪元结转的奖励（结转#{id}）",
  "audit.reason.contribution": "贡献#{id}“{title}”（{category}），作者{author}，{when}",
  "audit.reason.noEvaluation": "没有生效的评估",
  "audit.evaluation":
    "评估#{id}：{evaluator}{model}，评分标准v{rubric}，提示词sha256 `{sha}…`，总分{total}/100，置信度{confidence}%{details}",
  "audit.evaluation.policy": "，政策v{version}",
  "audit.evaluation.scores": "评分：{scores}",
  "audit.evaluation.evidence": "证据：{quotes}",
  "audit.evaluation.flags": "标记：{flags}",
  "audit.evaluation.flagsCleared": "标记：{flags}（已由人工清除）",
  "audit.jury.notSampled": "盲评团：未抽中",
  "audit.jury.sampled": "盲评团：已抽中（与评估#{id}比较）",
  "audit.jury.sampledInEpoch": "盲评团：在第{epoch}纪元抽中（与评估#{id}比较）",
  "audit.jury.notReviewed": "{drawn}，尚未评审",
  "audit.jury.reviewed": "{drawn}：{reviews}份评审，评审团{jury}/100，模型{model}/100；{scores}",
  "audit.jury.criterion": "{criterion}：评审团{jury}，模型{model}",
} as const satisfies CatalogOf<typeof source>;
