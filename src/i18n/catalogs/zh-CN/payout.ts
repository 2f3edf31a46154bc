import type { CatalogOf } from "../catalogOf.ts";
import type { payout as source } from "../en/payout.ts";

export const payout = {
  "payout.receipt.content": "已付款：提案#{id}“{title}”。",
  "payout.receipt.embedTitle": "收据 · 提案#{id}",
  "payout.receipt.lineHeld":
    "{who} · {amount} · **暂存**：代币拒绝了这笔转账；收款人可用`/payout claim line:{line}`领取",
  "payout.receipt.more": "……另有{count}条（见`/payout status proposal:{id}`）。",
  "payout.receipt.unknownTransaction": "（未知）",
  "payout.receipt.total.fieldName": "合计",
  "payout.receipt.total": "{amount}，共{count}位收款人",
  "payout.receipt.totalWithHeld":
    "{amount}，共{count}位收款人；其中{heldAmount}因{heldCount}位收款人的转账失败而暂存，等待领取",
  "payout.receipt.transactions.fieldName": "{count, plural, other {交易}}",
  "payout.receipt.batch.fieldName": "批次",
  "payout.safeBatch":
    "提案#{id}的第{index}/{count}个分块已可交由Safe`{treasury}`执行：请在Safe的Transaction Builder中导入附件，检查后签名并执行。分发合约针对批次`{batchId}`的Settled事件上链后，Steward会记录这笔付款并发布收据；可用`/payout status proposal:{id}`跟进。",
  "payout.status.head":
    "**提案#{id}**“{title}”当前状态：{status, select, draft {草稿} open {投票中} passed {已通过} rejected {未通过} expired {已过期} awaiting_approval {待审批} approved {已批准} vetoed {已否决} settling {结算中} settled {已结算} failed {失败} other {{status}}}。",
  "payout.status.waitsForSettle": "{head}它已获批准，结算任务会在下次运行时付款。",
  "payout.status.waitsForChain": "{head}它已获批准，但这里没有配置用于付款的区块链，因此暂时等待。",
  "payout.status.notPaid": "{head}未付款：{reason}。",
  "payout.status.settlementRefused": "结算被拒绝",
  "payout.status.nothingPaid": "{head}尚未为它支付任何款项。",
  "payout.status.chunk": "第{index}/{count}个分块：{lines}行，{amount}——{step}{details}",
  "payout.status.step":
    "{status, select, planned {已计划} signed {已签名，即将发送} broadcast {已发送，等待打包} mined {已打包，等待确认} confirmed {已付款} failed {失败} awaiting_execution {已导出给Safe，等待执行} other {{status}}}",
  "payout.status.confirmations": "（{confirmations}/{required}个确认）",
  "payout.status.stuck": "——卡住了：{reason}",
  "payout.status.retry": "排除原因后，管理员可以重新支付失败的分块：`/payout retry proposal:{id}`。",
  "payout.held.line": "暂存条目#{id}：{amount}，收款地址`{recipient}`——{where}{problem}",
  "payout.held.lineNumbered": "暂存条目#{id}（第{line}行）：{amount}，收款地址`{recipient}`——{where}{problem}",
  "payout.held.state":
    "{status, select, held {暂存中} claim_signed {领取已签名，将在下次结算运行时发送} return_asked {正在退回金库} sent {领取或退回交易正在上链} claimed {已领取} redirected {已由分发合约的所有者改付} returned {已退回金库} other {{status}}}",
  "payout.held.paidTo": "{state}，已付至`{paidTo}`",
  "payout.held.claimIt": "暂存中：其所有者可用`/payout claim line:{id}`领取",
  "payout.held.problem": "（上次尝试：{problem}）",
  "payout.history.noWallet": "你还没有绑定钱包，所以没有向你付过款。用`/wallet link`绑定一个。",
  "payout.history.none": "还没有向你的钱包付过款。",
  "payout.history.paid": "你共收到{amount}，分{count}笔付款：",
  "payout.history.paidSomeHeld": "你共收到{amount}，分{count}笔付款（另有{held}笔被暂存或已退回）：",
  "payout.history.row": "{date} · {amount} · 提案#{id}“{title}”",
  "payout.history.held": "**暂存**（转账失败）：用`/payout claim line:{id}`领取",
  "payout.history.heldLine": "暂存条目#{id}：{state}",
  "payout.history.heldLineTo": "暂存条目#{id}：{state}，付至`{paidTo}`",
  "payout.history.more": "……另有{count}笔更早的付款。",
  "payout.claim.giveLine": "请连同签名一起提供行号：`/payout claim line:<n> signature:…`。",
  "payout.claim.nothingHeld": "没有为你暂存的款项：付给你已绑定钱包的每笔款项都已到账（`/payout history`会列出它们）。",
  "payout.claim.list": "分发合约为你暂存了{count}条付款：代币拒绝了向该钱包的转账，因此这笔金额在链上等你领取。",
  "payout.claim.row": "{line} · 提案#{id}",
  "payout.claim.how": "运行`/payout claim line:<n>`，把其中一笔支付到你已绑定的钱包。",
  "payout.claim.sign":
    "暂存条目#{id}：{amount}，收款地址`{recipient}`。要把它支付到你已绑定的钱包`{to}`，请用`{recipient}`签署这份领取请求（EIP-712类型化数据，例如在钱包中使用`eth_signTypedData_v4`），然后在{deadline}之前运行`/payout claim line:{id} signature:<0x…签名>`。",
  "payout.claim.sameWallet":
    "你已绑定的钱包正是转账失败的那个：如果代币再次拒绝，请先用`/wallet link`绑定另一个钱包，再重新请求。",
  "payout.claim.queued":
    "你对暂存条目#{id}的领取已签名，并被分发合约接受：Steward会在下次结算运行时发送，付至`{to}`。用`/payout claim`查看进度。",
  "payout.claim.sendIt":
    "你对暂存条目#{id}的领取已在链上验证通过。Steward在这里不持有私钥（金库是Safe），请从任意钱包发送这笔交易——它只能付至`{to}`：",
  "payout.return.queued": "暂存条目#{id}将在下次结算运行时退回金库`{treasury}`。",
  "payout.return.sendIt": "暂存条目#{id}可以退回金库`{treasury}`：由分发合约的所有者（Safe）发送这笔交易：",
  "payout.retry.done":
    "提案#{id}的{count}个失败分块将立即重新支付（每个最多支付一次：链会拒绝已经支付过的分块）。可用`/payout status proposal:{id}`跟进。",
  "payout.approve.approvedPaying":
    "你批准了提案#{id}：已有{approvals}/{required}个批准，因此它已**获批准**：正在链上付款，收据随后会发布在付款频道。",
  "payout.approve.approvedWaiting":
    "你批准了提案#{id}：已有{approvals}/{required}个批准，因此它已**获批准**：这里没有配置用于付款的区块链，所以它会等到配置之后。",
  "payout.approve.counted": "你批准了提案#{id}：目前已有{approvals}/{required}个批准。",
  "payout.reject.done": "你否决了提案#{id}：它已被**否决**，不会付款。你的理由已记录，并显示在其结果中。",
  "payout.failure.amountUnpackable": "该分块中有一行无法支付：金额{amount}无法打包",
  "payout.failure.paysContract": "该分块第{line}行付给{recipient}，即分发合约或代币合约本身：这笔金额会被困住",
  "payout.failure.treasuryShort": "金库{treasury}持有{balance}，而该分块需要{needed}（最小单位）",
  "payout.failure.allowanceShort": "金库允许分发合约动用{allowance}，而该分块需要{needed}：请提高授权额度",
  "payout.failure.chainRefused": "区块链拒绝了这笔交易",
  "payout.failure.settledOtherLines":
    "批次ID {batchId}已在链上由交易{txHash}结算，但其付款明细与该分块不同（明细哈希{linesHash}）：该分块没有按投票结果支付；请先检查那笔交易，再做其他操作",
  "payout.failure.reverted": "交易{txHash}在区块{block}中于链上回滚",
  "payout.failure.nonceTaken": "金库的nonce {nonce}已被另一笔交易使用；该分块未支付",
  "payout.failure.txGone": "支付该分块的交易{txHash}已不在链上",
  "payout.stuck.plannedChunk": "提案#{id}第{chunk}个分块（{settings}）",
  "payout.stuck.plannedElsewhere":
    "结算已停止：有{count}个未完成的付款分块是按另一条链、另一种代币或另一个分发合约计划的，与当前设置（{now}）不同：{listed}。按新设置支付可能会用另一种代币支付这些金额，或把一个分块支付两次；在它们支付完成之前，请把这些设置改回去",
  "payout.heldProblem.reverted": "交易{txHash}在链上回滚",
  "payout.heldProblem.claimExpired": "领取请求的签名在发送之前已过期",
} as const satisfies CatalogOf<typeof source>;
