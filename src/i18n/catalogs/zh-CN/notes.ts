import type { CatalogOf } from "../catalogOf.ts";
import type { notes as source } from "../en/notes.ts";

export const notes = {
  "notes.proposalNotPaid": "提案 #{proposalId}未付款：{reason}。",
  "notes.proposalNotPlanned": "提案 #{proposalId}无法安排付款：{reason}。每次结算运行时都会重试，其他付款照常进行。",
  "notes.proposalWaits": "提案 #{proposalId}正在等待付款：{reason}。",
  "notes.chunkStuck":
    "提案 #{proposalId}的付款（第{chunk}批，共{chunkCount}批）卡住了：{reason}。每次结算运行时都会重试，其他付款照常进行。",
  "notes.chunkFailed":
    "提案 #{proposalId}的付款（第{chunk}批，共{chunkCount}批，{total}）失败，且未重试：{reason}。请先解决问题，然后使用`/payout retry proposal:{proposalId}`。",
  "notes.settlementStopped": "付款暂停：{reason}。",
  "notes.heldLineItem": "暂扣行 #{id}（第{line}行，{recipient}，{amount}）",
  "notes.itemSeparator": "；",
  "notes.idSeparator": "、",
  "notes.linesHeld":
    "提案 #{proposalId}的付款（第{chunk}批，共{chunkCount}批）已支付，但有{count}行的转账被代币合约拒绝：{listed}。分配合约会为每位收款人保留相应金额，收款人可以用`/payout claim`领取到自己的钱包；领取期结束后，管理员可以用`/payout return`将其退回金库。",
  "notes.heldLineReturned":
    "暂扣行 #{id}（提案 #{proposalId}，给{recipient}的{amount}）已通过交易{txHash}退回金库{to}。",
  "notes.heldLinePaid":
    "暂扣行 #{id}（提案 #{proposalId}，{amount}）已{how, select, claimed {由收款人领取} other {由分配合约所有者改向}}，并通过交易{txHash}支付给{to}。",
  "notes.juryDisagrees":
    "在第{epochNumber}纪元中，盲评团与模型的评分不一致：一致度为{spearman}（Spearman），低于最低要求{minAgreement}。",
  "notes.juryHeld":
    "以下评估已暂扣，等待你审核，清除前不会付款：{ids}（`/evaluation clear`或`/evaluation override`）。",
  "notes.juryNoneHeld": "没有暂扣任何抽样评估（每项评估中盲评团的评分都与模型接近，或已有人审核过）。",
  "notes.juryPaid": "以下贡献按盲评团的评分而非模型的评分付款：{ids}。",
  "notes.juryCheck": "请在投票前检查分配提案 #{proposalId}。",
  "notes.relayRefused":
    "暂扣行 #{id}（提案 #{proposalId}，给{recipient}的{amount}）的{relay, select, claim {领取} other {退回}}交易未发送：{reason}。该行仍处于暂扣状态；收款人可以用`/payout claim line:{id}`再次领取。",
  "notes.chainRefused": "区块链拒绝了该交易",
  "notes.nodeChallengesFailed":
    "⚠️ 节点#{nodeId}最近{failures}次算力挑战均未通过：它无法证明其提供者声明的算力，因此只按CPU费率获得奖励。可以用`/node show id:{nodeId}`查看，并询问其提供者。",
  "notes.post.posted": "已发布在{channel}。",
  "notes.post.inAMoment": "稍后会发布在{channel}。",
  "notes.post.queued":
    "很快会发布在{channel}：由于Discord的速率限制，前面还有{aheadCount, plural, other {#条消息}}在等待。",
  "notes.post.refused":
    "已保存，但我无法在{channel}发布：{reason}。问题解决后我会自动发布；管理员可以用`/steward status`查看等待中的内容。",
  "notes.kind.contribution": "贡献",
  "notes.kind.evaluation": "贡献帖子的评估",
  "notes.kind.appeal": "申诉",
  "notes.kind.proposal": "提案",
  "notes.kind.result": "提案结果",
  "notes.kind.receipt": "提案的付款收据",
  "notes.kind.safeBatch": "付款批次的Safe文件",
  "notes.kind.note": "给管理员的通知",
  "notes.kind.compute": "算力消息",
  "notes.kind.reminder": "投票提醒",
  "notes.kind.reminderDm": "投票提醒私信",
  "notes.kind.epochReminder": "纪元提醒",
  "notes.kind.githubDraft": "来自已合并PR的贡献草稿",
  "notes.failing.line": "- {channel}中的{what}：{reason}",
  "notes.failing.lineOf": "- {channel}中的{what} #{id}：{reason}",
  "notes.failing":
    "多次尝试后，我仍无法发布{count, plural, other {以下#条内容}}：\n{lines}\n问题解决后我会自动发布；`/steward status`会列出所有等待中的内容。",
} as const satisfies CatalogOf<typeof source>;
