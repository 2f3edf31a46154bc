import type { CatalogOf } from "../catalogOf.ts";
import type { start as source } from "../en/start.ts";

export const start = {
  "start.embedTitle": "欢迎使用 Steward",
  "start.intro":
    "Steward 为 **{guild}** 的成员所做的工作支付报酬。你说明自己做了什么；评估器按照公开的评分标准打分并建议奖励，再由人工复核。每个纪元结束时，成员对奖励投票，管理员批准付款，奖励通过链上转账发到你的钱包。每一步都记录在审计日志中。",
  "start.judged.fieldName": "工作如何评估",
  "start.judged.policy":
    "依据成员投票通过的第 {version} 版评估政策：`/policy show` 会列出其标准和权重。每次评估都会显示各项得分和引用的证据，你可以用 `/appeal` 提出申诉。",
  "start.judged.config":
    "依据本服务器配置的评分标准：`/policy show` 会列出其标准和权重。每次评估都会显示各项得分和引用的证据，你可以用 `/appeal` 提出申诉。",
  "start.transparency": "每一笔付款及其理由都公开在透明度页面上：{url}",
  "start.wallet.fieldName": "1. 绑定钱包",
  "start.wallet.linked": "已绑定：**{address}** ✓ 你的奖励会发到这个地址。",
  "start.wallet.missing":
    "尚未绑定：你的奖励会等到绑定钱包后再发放（会结转保留，不会丢失）。点击 **绑定我的钱包**，填写地址，然后签署显示的消息：签名免费，不会发送任何交易。",
  "start.contribute.fieldName": "2. 提交你的工作",
  "start.contribute.none":
    "你还没有提交任何内容。在下方选择工作类型即可打开表单。文档、翻译、设计、研究、社区和运维工作同样会获得奖励，不只是代码。",
  "start.contribute.some": "你已提交 {count} 项贡献：可用 `/contribute list` 查看，或在下方选择工作类型继续提交。",
  "start.vote.fieldName": "3. 投票",
  "start.vote":
    "成员通过治理频道中每个提案上的按钮，对提案和每个纪元的奖励进行投票。用 `/notify` 设置提醒，以免错过投票。",
  "start.wallet.button": "绑定我的钱包",
  "start.walletChange.button": "更换我的钱包",
  "start.voting.button": "投票规则",
  "start.contribute.placeholder": "提交工作：选择类型…",
  "start.category.optionLabel":
    "{category, select, code {代码} docs {文档与翻译} design {设计} research {研究} community {社区与活动} ops {运维} other {其他}}",
  "start.walletForm.modalTitle": "绑定你的钱包",
  "start.walletForm.inputLabel": "你的钱包地址（0x…）",
  "start.voting":
    "**本服务器的投票规则**\n- 每次投票开放 {period}，采用 Snapshot 的 `{type}` 投票方式。\n- 赞成票在赞成与反对票中占比超过 {threshold}{quorum, select, none {} other {，且达到 {quorum} 的法定人数}}，提案即通过。\n- 通过的付款需经 {approvals} 名管理员批准后才会发出，且批准者不能是收款人。\n- 投票通过什么就支付什么：投票开始时付款名单即已固定（计算哈希）。",
  "start.period.days": "{n} 天",
  "start.period.hours": "{n} 小时",
  "start.period.minutes": "{n} 分钟",
} as const satisfies CatalogOf<typeof source>;
