import type { CatalogOf } from "../catalogOf.ts";
import type { errors as source } from "../en/errors.ts";

export const errors = {
  "errors.fieldName":
    "{field, select, title {标题} description {描述} link {链接} reason {理由} idea {想法} summary {摘要} budget {预算} purpose {用途} name {名称} gpu_model {GPU型号} gpu_count {GPU数量} min_vram_gb {最低显存（GB）} vram_gb {显存（GB）} cpu_cores {CPU核心数} ram_gb {内存（GB）} region {区域} motivation {动机} specification {具体方案} links {链接} other {{field}}}",
  "errors.status":
    "{status, select, submitted {已提交} evaluating {评估中} evaluated {已评估} final {已定稿} withdrawn {已撤回} open {进行中} accepted {已接受} rejected {已拒绝} draft {草稿} passed {已通过} expired {已过期} awaiting_approval {待批准} approved {已批准} vetoed {已否决} settling {结算中} settled {已结算} failed {失败} offered {待接受} declined {已谢绝} active {进行中} ended {已结束} confirmed {已确认} discarded {已丢弃} cancelled {已取消} being_closed {正在结束} other {{status}}}",
  "errors.field_empty": "{field}为空。请填写内容。",
  "errors.field_no_words": "{field}里没有文字，只有标点或符号。请用文字写出来。",
  "errors.invalid_text":
    "{field}包含{problem, select, nul {NUL字符（\\0）} other {损坏的Unicode字符（孤立代理项）}}，无法保存。请去掉该字符后重新输入。",
  "errors.field_too_long": "{field}太长：共{length}个字符，最多允许{max}个。",
  "errors.too_many_links": "你提供了{count}个链接；最多允许{max}个。",
  "errors.invalid_link": "`{link}`不是有效的链接。链接必须以http://或https://开头。",
  "errors.invalid_hours": "{hours}不是有效的小时数：请填写0.01到{max}之间的数字（小时数保留两位小数）。",
  "errors.duplicate_submission":
    "你在不到{windowSeconds}秒前已经提交过同一标题的贡献（#{contributionId}）。没有保存新的内容。",
  "errors.contribution_not_found": "本服务器中没有贡献#{id}。",
  "errors.not_evaluated_yet.withdrawn": "贡献#{id}在评估前已被撤回。",
  "errors.not_evaluated_yet": "贡献#{id}还没有评估（当前状态：{status}）。评估通常不到一分钟即可完成。",
  "errors.not_contribution_author": "贡献#{id}不是你的：只有作者本人才能撤回。",
  "errors.contribution_not_withdrawable.withdrawn": "贡献#{id}已经撤回。",
  "errors.contribution_not_withdrawable": "贡献#{id}已无法撤回：它的评估状态为{status}。",
  "errors.invalid_score": "{score}不是有效的分数：请填写0到100之间的整数。",
  "errors.invalid_reward": "`{input}`不是有效的奖励：请填写代币数量，例如12.5（最多{decimals}位小数）。",
  "errors.reward_above_cap": "该奖励超过了每项贡献{max}的上限。",
  "errors.field_empty_reason": "请填写理由：理由会被记录，并展示给贡献者。",
  "errors.not_author_appeal": "只有贡献#{id}的作者才能对其评估提出申诉。",
  "errors.appeal_window_closed": "此评估的申诉期已于<t:{closedAt}:R>结束。如果你认为有问题，请联系管理员。",
  "errors.appeal_exists": "此评估已经有人申诉过（申诉#{id}，{status}）。每项评估只能申诉一次。",
  "errors.appeal_not_found": "没有申诉#{id}。",
  "errors.appeal_resolved": "申诉#{id}已经是{status}状态。",
  "errors.appeal_second_pass_pending":
    "申诉#{id}暂时还不能接受：第二次评估仍在进行中。完成后会公布结果（你也可以现在驳回该申诉）。",
  "errors.proposal_draft_not_found": "你没有编号为#{id}的提案草稿。",
  "errors.proposal_draft_closed":
    "提案草稿#{id}已经{state, select, submitted {提交} cancelled {取消} other {{state}}}了。",
  "errors.invalid_budget.decimals": "`{input}`：该代币有{decimals}位小数，所以金额的小数点后最多只能有{decimals}位。",
  "errors.invalid_budget.zero": "`{input}`：预算申请的金额必须大于0个代币（或者不填预算）。",
  "errors.invalid_budget.too_large": "`{input}`：这个金额超出了任何代币能转账的范围（超过256位）。",
  "errors.invalid_budget.format":
    "`{input}`不是有效的预算申请。请写出金额和收款人地址，例如`500 0x1234…abcd`，或者不填。",
  "errors.invalid_days": "{days}不是有效的期限：请填写1到365之间的天数。",
  "errors.epoch_blocked_by_appeals": "还有未处理的申诉，纪元无法结束：{appeals}。请先接受或驳回它们。",
  "errors.invalid_address":
    "`{address}`不是有效的以太坊地址。地址必须是0x加40个十六进制字符（只有校验和正确时才能大小写混用）。",
  "errors.address_in_use": "`{address}`已经是本服务器另一位成员绑定的钱包。每个钱包只能属于一位成员。",
  "errors.no_pending_challenge": "你没有正在进行的钱包绑定。请先使用`/wallet link address:<你的地址>`。",
  "errors.challenge_expired": "这个签名对应的绑定请求已于<t:{expiredAt}:R>过期。请重新运行`/wallet link`并签署新消息。",
  "errors.challenge_used": "这个签名已经用过了：每条绑定消息只能使用一次。请重新运行`/wallet link`获取新的消息。",
  "errors.invalid_signature.format":
    "这不是签名：请粘贴以0x开头、后面只有十六进制数字的签名（普通钱包的签名是0x加130个十六进制字符）。",
  "errors.invalid_signature.too_long": "这个签名太长：Steward最多接受{max}个字符。请只粘贴签名（0x…）。",
  "errors.invalid_signature.length":
    "这不是{hasAddress, select, yes {`{address}`的} other {}}有效签名：普通钱包的签名是0x加130个十六进制字符（65字节；紧凑的EIP-2098签名为128个字符），而这个签名有{bytes}字节。",
  "errors.invalid_signature.v":
    "这不是{hasAddress, select, yes {`{address}`的} other {}}有效签名：它的最后一个字节（v）必须是1b或1c（27或28），或者00或01。请按钱包给出的原样粘贴签名。",
  "errors.invalid_signature.unrecoverable":
    "这不是{hasAddress, select, yes {`{address}`的} other {}}有效签名：没有任何密钥能生成它（它可能被截断或改动过）。请从钱包中重新复制完整的签名。",
  "errors.contractWalletHint.noChain":
    "如果{hasAddress, select, yes {`{address}`} other {你的钱包}}是合约钱包（Safe或智能账户）：这个Steward没有连接区块链，因此无法验证合约钱包；请绑定普通钱包，或请管理员连接一条链（RPC_URL）。",
  "errors.contractWalletHint.noCode":
    "（{hasAddress, select, yes {`{address}`} other {你的钱包}}在链{chainId}上没有合约，所以按普通钱包签名；尚未在该链部署的智能账户会使用ERC-6492签名，智能账户钱包会自动这样做。）",
  "errors.signature_wrong_signer": "这个签名是由`{recovered}`生成的，而不是`{expected}`。请用你要绑定的钱包签署消息。",
  "errors.challenge_outdated":
    "这个绑定请求是由旧版Steward生成的，它的消息已无法验证。请重新运行`/wallet link`并签署新消息。",
  "errors.contract_wallet_needs_chain":
    "这是`{address}`的智能账户签名（ERC-6492）。合约钱包（Safe、智能账户）要在Steward付款的链上验证，而这个Steward没有连接任何链，所以这里无法绑定`{address}`。请改为绑定普通钱包，或请管理员连接一条链（RPC_URL）。",
  "errors.contract_wallet_refused.counterfactual":
    "智能账户`{address}`（尚未在链{chainId}上部署）没有接受这个签名：Steward模拟了它的部署并向它验证（ERC-6492），结果被拒绝。没有绑定任何钱包。请用控制该账户的钱包应用签署`/wallet link`给你的消息。",
  "errors.contract_wallet_refused":
    "链{chainId}上位于`{address}`的钱包合约没有接受这个签名（EIP-1271），所以没有绑定任何钱包。请以该钱包的身份签署`/wallet link`给你的消息——如果是Safe，请在Safe应用中由足够数量的所有者签署以达到其门槛——并确认该钱包就是链{chainId}上的那个。",
  "errors.counterfactual_not_deployed.wrapper_malformed":
    "这个签名的结尾像ERC-6492签名（…6492），但其余部分不是工厂合约、调用数据和签名。请从钱包中重新复制完整的签名。",
  "errors.counterfactual_not_deployed.deploy_failed":
    "这个ERC-6492签名带有创建智能账户`{address}`的调用，但该调用在链{chainId}上失败，因此无法验证签名。没有绑定任何钱包。请在控制该账户的钱包应用中重新签名（或先部署该账户）。",
  "errors.counterfactual_not_deployed.not_deployed":
    "这个ERC-6492签名带有创建账户的调用，但创建的不是链{chainId}上的`{address}`：它属于另一个账户或另一条链。请用你要绑定的账户签名。",
  "errors.wallet_chain_unavailable":
    "Steward无法连接链{chainId}来验证这个合约钱包的签名，所以没有绑定任何钱包。请一分钟后再次运行`/wallet verify`：你的绑定请求在过期前一直有效。",
  "errors.link_message_malformed":
    "这不是“以太坊登录”消息（EIP-4361）：第{line}行{problem}。请按你签署时的原样粘贴消息——就是`/wallet link`给你的那条。",
  "errors.siwe.line_ending": "以回车符结尾（Windows换行），而消息的每一行只应以换行符结尾",
  "errors.siwe.header": "应为`<domain> wants you to sign in with your Ethereum account:`",
  "errors.siwe.address": "应为地址：0x加40个十六进制字符",
  "errors.siwe.address_checksum": "应为带校验和格式的地址（EIP-55，大小写混合），与`/wallet link`显示的一致",
  "errors.siwe.blank_line": "应为空行",
  "errors.siwe.statement": "（声明）只能包含字母、数字、空格和URL标点",
  "errors.siwe.uri": "应为`URI: `加一个URI，例如https://…",
  "errors.siwe.version": "应为`Version: 1`",
  "errors.siwe.chain_id": "应为`Chain ID: `加链的编号",
  "errors.siwe.nonce": "应为`Nonce: `加至少8个字母或数字",
  "errors.siwe.issued_at": "应为`Issued At: `加一个时间，例如2026-01-31T12:00:00.000Z",
  "errors.siwe.expiration_time": "应为`Expiration Time: `加一个时间，例如2026-01-31T12:10:00.000Z",
  "errors.siwe.not_before": "应为`Not Before: `加一个时间，例如2026-01-31T12:00:00.000Z",
  "errors.siwe.request_id": "应为`Request ID: `加一个不含空格的编号",
  "errors.siwe.resource": "应为一项资源：`- `加一个URI",
  "errors.siwe.unexpected_line":
    "不是可选字段之一（Expiration Time、Not Before、Request ID、Resources——每项最多一次，且按此顺序）",
  "errors.siwe.too_short": "缺失：消息提前结束了",
  "errors.link_message_unknown_nonce":
    "这条消息的nonce`{nonce}`不属于你在本服务器的任何绑定请求，所以不能在这里绑定钱包。请运行`/wallet link`并签署它给你的消息。",
  "errors.link_message_wrong_address":
    "这条消息是给`{got}`的，但对应的绑定请求是给`{expected}`的：另一个地址的消息不能绑定这个地址。请签署`/wallet link`给你的消息，或者运行`{command}`改为绑定那个地址。",
  "errors.link_message_wrong_domain":
    "这条消息是为`{got}`生成的，不是为这个Steward（`{expected}`），所以不能在这里绑定钱包。请运行`/wallet link`并签署它给你的消息；写着其他网站的消息不是Steward的消息。",
  "errors.link_message_wrong_chain":
    "这条消息针对的是链`{got}`，但这个Steward在链{expected}上付款：钱包是按收款所在的链绑定的（同一个合约钱包地址在另一条链上可能属于别人）。请重新运行`/wallet link`并签署新消息。",
  "errors.link_message_wrong_uri":
    "这条消息的URI是`{got}`，不是这个Steward的（`{expected}`），所以不能在这里绑定钱包。请运行`/wallet link`并原样签署它给你的消息。",
  "errors.link_message_not_yet_valid":
    "这条消息尚未生效：它的Not Before时间是<t:{notBefore}:R>。请签署`/wallet link`给你的消息，那条消息立即生效。",
  "errors.no_wallet": "你还没有绑定钱包。请使用`/wallet link address:<你的地址>`开始。",
  "errors.guild_only": "此命令只能在服务器内使用。",
  "errors.missing_role": "只有拥有{role}身份组的成员才能执行此操作。",
  "errors.no_mentor_role":
    "本服务器还没有{role}身份组，所以没有人能接受你的请求。请让管理员创建这个身份组并分配给愿意担任导师的成员，然后再申请。",
  "errors.export_no_epoch": "没有第{number}纪元。`/epoch status`会显示当前开放纪元的编号。",
  "errors.export_which_guild": "有多个服务器存在第{number}纪元（{guilds}）：请加上--guild <server id>指明是哪一个。",
  "errors.held_line_not_found": "本服务器中没有暂扣款项#{id}。`/payout claim`会列出为你暂扣的款项。",
  "errors.held_line_resolved":
    "{outcome, select, returned {暂扣款项#{id}已经退回金库：没有可领取或退回的内容了。} paidTo {暂扣款项#{id}已经支付给`{to}`：没有可领取的内容了。} other {暂扣款项#{id}已经支付：没有可领取的内容了。}}",
  "errors.held_line_not_yours":
    "暂扣款项#{id}是为`{recipient}`暂扣的，你从未在这里绑定过这个钱包：只有它的所有者才能领取。",
  "errors.held_line_busy": "暂扣款项#{id}正在支付中（领取或退回的交易正在上链）。`/payout claim`会显示它的进度。",
  "errors.held_lines_unavailable": "没有配置区块链（RPC_URL），所以无法在这里领取或退回暂扣款项。",
  "errors.claim_signature_malformed":
    "这不是签名：请提供你的钱包为领取暂扣款项#{id}返回的0x…十六进制签名（`/payout claim line:{id}`会显示需要签署的内容）。",
  "errors.claim_not_asked":
    "暂扣款项#{id}目前还没有需要签署的内容：请先运行`/payout claim line:{id}`，签署它显示的内容，再提供签名。",
  "errors.claim_refused.InvalidClaimSignature":
    "分发合约会拒绝这次对暂扣款项#{id}的领取：这个签名不是`{recipient}`针对本次领取签署的。请用该钱包签署`/payout claim line:{id}`显示的类型化数据（eth_signTypedData_v4）。没有发送任何交易。",
  "errors.claim_refused.ClaimExpired":
    "分发合约会拒绝这次对暂扣款项#{id}的领取：领取的截止时间已过。请重新运行`/payout claim line:{id}`获取新的领取。没有发送任何交易。",
  "errors.claim_refused.NotHeld":
    "分发合约会拒绝这次对暂扣款项#{id}的领取：这笔款项已不再暂扣，它已经支付或退回。没有发送任何交易。",
  "errors.claim_refused.InvalidDestination":
    "分发合约会拒绝这次对暂扣款项#{id}的领取：它会付款给分发合约本身或零地址。请用`/wallet link`绑定另一个钱包后再试。没有发送任何交易。",
  "errors.claim_refused":
    "分发合约会拒绝这次对暂扣款项#{id}的领取：{refusal}。如果是代币拒绝向你的钱包转账，请用`/wallet link`绑定另一个钱包后再试。没有发送任何交易。",
  "errors.held_line_claim_period":
    "暂扣款项#{id}在<t:{until}:f>（<t:{until}:R>）之前仍归收款人领取；在那之后才能退回金库。",
  "errors.return_refused": "分发合约会拒绝退回暂扣款项#{id}：{refusal}。没有发送任何交易。",
  "errors.chainRefusal.no_key": "没有可用于签名的金库密钥（SETTLEMENT_MODE=safe-export会改为导出）",
  "errors.chainRefusal.inexact":
    "{named}：该代币不能按精确金额转账（转账收费或弹性供应）；Steward严格按投票结果付款，拒绝此类代币，请改用标准ERC-20代币付款",
  "errors.chainRefusal.gas_cap": "这一批需要{needs} gas，超过了这条链上单笔交易的上限（{cap}）：必须拆成更小的批次支付",
  "errors.chainRefusal.fee_cap": "网络要求每单位gas {asks} wei，超过了MAX_FEE_GWEI（{cap} wei）",
  "errors.chainRefusal.node_refused": "节点拒绝了这笔交易：{message}",
  "errors.trace_unreadable":
    "`{ref}`不是我能追溯的内容。请提供交易哈希（0x加64个十六进制数字）、`proposal 12`、`contribution 12`或`node 12`。",
  "errors.trace_ambiguous": "#{id}可能是{options}。请写`{first}`（或其他几项之一）指明是哪一个。",
  "errors.trace_not_found.transaction": "本服务器没有任何付款是由交易`{ref}`支付的。",
  "errors.trace_not_found":
    "本服务器中没有{kind, select, proposal {提案} contribution {贡献} node {节点} any {提案、贡献或节点} other {{kind}}}`{ref}`。",
  "errors.jury_off": "这里关闭了盲评团（CALIBRATION_SAMPLE为`off`）。",
  "errors.jury_item_not_found": "本服务器中没有评审项{id}。请使用/jury next获取你的下一项。",
  "errors.jury_sample_closed": "评审项#{id}所属的纪元已经结束：它的一致度已计入分配。请使用/jury next。",
  "errors.jury_own_contribution": "你不能给评审项{id}打分：这是你自己的贡献，任何人都不能评判自己的作品。",
  "errors.jury_conflicted": "你不能给评审项{id}打分：它的作者绑定了`{address}`，你也绑定了这个钱包，存在利益冲突。",
  "errors.jury_mentee": "你不能给评审项{id}打分：你是它作者的导师，评审团的分数会影响你的导师分成。",
  "errors.jury_already_reviewed": "你已经给评审项{id}打过分了。每位评审员对每一项只打一次分。",
  "errors.jury_invalid_scores": "请给每个评分项打0到10之间的整数分：{criteria}。",
  "errors.unknown_job": "没有名为`{job}`的任务。已知任务：{known}。",
  "errors.proposal_not_found": "本服务器中没有提案#{id}。",
  "errors.nothing_to_retry":
    "提案#{id}没有需要重试的失败付款（当前状态：{status}）。`/payout status proposal:{id}`会显示它的进度。",
  "errors.proposal_not_draft": "提案#{id}的状态已是{status}：只有草稿才能开启投票。",
  "errors.invalid_voting_setup.basic_choices":
    "无法开启投票：基本投票总是提供赞成、反对和弃权；自定义选项只适用于其他类型。",
  "errors.invalid_voting_setup.choice_count":
    "无法开启投票：{type}投票需要{min}到{max}个选项，用;分隔（{payout, select, yes {第1个选项是按公布内容付款，例如“按公布内容付款;不付款{ranked, select, yes {;选项C} other {}}”} other {例如“选项A;选项B{ranked, select, yes {;选项C} other {}}”}}）。",
  "errors.invalid_voting_setup.duplicate_choice": "无法开启投票：有两个选项的名称相同。",
  "errors.invalid_voting_setup.choice_too_long": "无法开启投票：选项“{choice}…”超过了{max}个字符。",
  "errors.invalid_voting_setup.period_range": "无法开启投票：投票期限必须在1s到90d之间。",
  "errors.invalid_voting_setup.period_format": "无法开启投票：“{input}”不是有效的期限：请写成30m、48h或7d这样。",
  "errors.invalid_policy_change.weights_empty": "无法提出该政策：请为每个评分项（{names}）给出权重，例如`{example}`。",
  "errors.invalid_policy_change.weights_format":
    "无法提出该政策：“{detail}”不是`criterion=weight`格式：请按`{example}`这样写。",
  "errors.invalid_policy_change.unknown_criterion":
    "无法提出该政策：“{detail}”不是当前评分标准的评分项（其评分项为：{names}）。",
  "errors.invalid_policy_change.duplicate_criterion": "无法提出该政策：{detail}重复出现了。",
  "errors.invalid_policy_change.weight_not_positive":
    "无法提出该政策：{detail}的权重必须大于0（如果某个评分项不该有任何权重，那是修改评分标准，而不是调整权重）。",
  "errors.invalid_policy_change.missing_criterion":
    "无法提出该政策：缺少{detail}的权重：请为{names}中的每一项给出权重。",
  "errors.invalid_policy_change.weights_sum": "无法提出该政策：权重之和为{detail}，而不是1（权重是分数所占的比例）。",
  "errors.invalid_policy_change.cap_zero": "无法提出该政策：每项贡献的上限必须大于0。",
  "errors.invalid_policy_change.model_name":
    "无法提出该政策：“{detail}”不是模型名称（只能包含字母、数字和. _ : / @ -，最多100个字符）。",
  "errors.invalid_policy_change.prompt_version": "无法提出该政策：Steward没有名为“{detail}”的提示词（现有：{names}）。",
  "errors.invalid_policy_change.no_llm": "无法提出该政策：当前的评估器是离线评分标准，没有可更改的模型或提示词。",
  "errors.invalid_policy_change.no_change":
    "无法提出该政策：它与当前政策完全相同：请修改权重、上限、模型或提示词版本。",
  "errors.payout_needs_recipient":
    "提案#{id}申请了预算，但没有写明收款地址，因此无从付款。请提交一个包含金额和收款人地址的新提案。",
  "errors.electorate_unavailable.members_intent":
    "我无法读取服务器的成员列表，因此无法计算有投票资格的权重：Server Members intent未开启。请管理员在Discord Developer Portal → 该应用 → Bot → Privileged Gateway Intents中开启它，然后重新开启投票。",
  "errors.electorate_unavailable.offline":
    "服务器的成员列表暂时无法获取，因此无法计算有投票资格的权重。请一分钟后再试。",
  "errors.vote_closed.draft": "提案#{id}还没有开放投票。",
  "errors.vote_closed":
    "提案#{id}的投票已经结束{ended, select, yes {（于<t:{endedAt}:R>结束）} other {}}；当前状态：{status}。你的投票没有被记录。",
  "errors.invalid_vote":
    "这不是对提案#{id}的有效投票：{votingType, select, basic {请选择赞成、反对或弃权} single_choice {请从选项中恰好选择一项} approval {可以赞成任意多个选项，每项最多一次} ranked_choice {请为每个选项恰好排序一次} other {请至少给一个选项分配正数点数}}。",
  "errors.not_eligible.bot": "你不能对这个提案投票：机器人不能投票。",
  "errors.not_eligible.roles": "你不能对这个提案投票：投票需要拥有以下身份组之一：{roles}。",
  "errors.not_eligible.too_new": "你不能对这个提案投票：成员加入服务器满{after}后才能投票；你可以从{from}起投票。",
  "errors.no_voting_power.erc20":
    "你在这个提案上没有投票权：投票按你绑定的钱包在提案快照区块时的代币余额计权，而你的余额为0（或没有绑定钱包）。请用`/wallet link`绑定钱包，以便参与之后的提案。",
  "errors.no_voting_power.roles": "你在这个提案上没有投票权：你的身份组都不带投票权重。",
  "errors.not_a_payout": "提案#{id}不涉及付款，因此不需要批准。",
  "errors.approval_not_pending": "提案#{id}的状态是{status}，而不是待批准，所以现在不能批准或拒绝。",
  "errors.already_approved": "你已经批准过提案#{id}（已有{approvals}/{required}个批准）。每位管理员只能批准一次。",
  "errors.own_payout": "你不能批准提案#{id}：你的钱包`{address}`会在其中收到付款。必须由另一位管理员批准。",
  "errors.own_contribution":
    "你不能{action, select, override {修改贡献#{id}的评估} clear {解除贡献#{id}的评估标记} other {裁决贡献#{id}的申诉}}：这是你自己的贡献，任何人都不能决定自己的奖励。必须由另一位管理员处理。",
  "errors.mentee_contribution":
    "你不能{action, select, override {修改贡献#{id}的评估} clear {解除贡献#{id}的评估标记} other {裁决贡献#{id}的申诉}}：你是它作者的导师，导师分成来自新成员的第一笔奖励，能从中获益的人不能决定它。必须由另一位管理员处理。",
  "errors.contribution_pays_you":
    "你不能{action, select, override {修改贡献#{id}的评估} clear {解除贡献#{id}的评估标记} other {裁决贡献#{id}的申诉}}：它的奖励会付给`{address}`，这是你绑定的钱包，任何人都不能决定自己的奖励。必须由另一位管理员处理。",
  "errors.contribution_withdrawn":
    "贡献#{id}已被作者撤回，因此无需{action, select, override {修改其评估} clear {解除其评估标记} other {裁决其申诉}}：它不会获得任何付款。",
  "errors.contribution_in_distribution":
    "贡献#{id}的奖励已计入第{epoch}纪元的分配{hasProposal, select, yes {（提案#{proposalId}，{proposalStatus}）} other {}}，因此它的评估已不能更改：你不能{action, select, override {修改其评估} clear {解除其评估标记} other {裁决其申诉}}。投票通过的结果就是实际支付的结果。",
  "errors.invalid_component": "这个按钮或菜单不属于Steward所知的任何内容。请改用命令（参见/help）。",
  "errors.pager_expired": "这个列表的筛选条件太长，无法保存在按钮中，而Steward之后已经重启：请重新运行`{command}`。",
  "errors.not_flagged": "贡献#{id}的评估没有被标记为待审核，因此无需解除。请使用`/evaluation override`来修改它。",
  "errors.already_reviewed": "贡献#{id}的评估已经由<@{reviewerId}>解除标记。",
  "errors.impossible_spec": "`{value}`不是可能的{field}：请填写{min}到{max}之间的整数。",
  "errors.invalid_price": "`{input}`不是有效的价格：请填写大于0的代币数量，例如2.5（最多{decimals}位小数）。",
  "errors.invalid_region":
    "`{input}`不是Steward认识的区域格式：请写成`eu-west`、`us-east-1`或`ap-southeast-2`这样（地区代码、方位、可选的可用区编号）。",
  "errors.gpu_count_without_model":
    "你填写了{count}块GPU，但没有填写GPU型号。请填写型号（例如`H200`）；如果是纯CPU节点，请填写`none`，并将gpu_count和vram_gb设为0。",
  "errors.provider_needs_wallet": "节点奖励会付到你已验证的钱包，而你还没有钱包。请先运行`/wallet link`，再注册节点。",
  "errors.too_many_nodes": "你已经注册了{max}个节点，这是每位提供者的上限。请先用`/node retire`停用一个。",
  "errors.node_key_in_use":
    "密钥`{publicKey}`已属于节点#{nodeId}：每个节点都需要自己的密钥。请用另一个密钥文件启动代理程序以获取新密钥。",
  "errors.node_not_found": "本服务器中没有节点#{id}。",
  "errors.not_your_node": "节点#{id}不是你的：只有它的提供者才能修改或停用它。",
  "errors.node_is_retired": "节点#{id}已停用，无法再修改。",
  "errors.nothing_to_update": "没有需要更新的内容：请提供新的价格、区域或描述。",
  "errors.no_fitting_offer.nearest": "没有在线报价符合这个请求，因此没有保存任何内容。最接近的：\n{nearest}",
  "errors.no_fitting_offer.none": "没有在线报价符合这个请求，因此没有保存任何内容。目前还没有注册任何节点。",
  "errors.compute_request_not_found": "本服务器中没有算力请求#{id}。",
  "errors.not_your_request": "算力请求#{id}不是你的：只有提出请求的成员才能选择报价。",
  "errors.offer_gone":
    "节点#{nodeId}已不再符合你的请求（{problems}）。请用`/compute request`重新请求，查看当前符合的节点。",
  "errors.own_node_lease": "节点#{nodeId}是你自己的（它付款给你绑定的钱包）：你不能把它租给自己并从中获得报酬。",
  "errors.lease_not_found": "本服务器中没有租约#{id}。",
  "errors.own_lease_approval":
    "你不能批准租约#{id}：你是它的请求者或提供者，或者绑定了提供者的钱包。必须由另一位管理员批准。",
  "errors.not_lease_provider": "只有租约#{id}所用节点的提供者才能接受或谢绝它。",
  "errors.not_lease_party": "租约#{id}不是你的：只有它的请求者或提供者才能结束它。",
  "errors.lease_not_in_state": "租约#{id}的状态是{status}，而不是{expected}，因此这项操作已无法执行。",
  "errors.github_off": "这个Steward没有设置GitHub账号绑定（没有配置GitHub OAuth应用）。你的代码链接按你的描述计入。",
  "errors.github_unreachable": "GitHub没有响应，因此无法获取验证码。没有做任何更改：请一分钟后再试`/github link`。",
  "errors.github_not_linked": "你没有绑定GitHub账号。请用`/github link`绑定。",
  "errors.github_login_needed":
    "这个Steward没有GitHub OAuth应用，因此请改用gist绑定你的账号：运行`/github link login:<你的GitHub用户名>`，Steward会给你一段文字，请将其放入一个公开的gist。",
  "errors.github_login_invalid":
    "“{login}”不是GitHub用户名（只能包含字母、数字和单个连字符，最多39个字符）。没有做任何更改。",
  "errors.github_user_unknown": "GitHub上没有用户@{login}。请检查用户名的拼写；没有做任何更改。",
  "errors.github_gist_none": "你没有等待中的gist验证。请运行`/github link login:<你的GitHub用户名>`获取一个。",
  "errors.github_gist_expired":
    "你为@{login}发起的验证在Steward于gist中找到它之前就过期了。没有绑定任何账号：请运行`/github link login:{login}`获取新的验证。",
  "errors.github_gist_unreachable": "GitHub没有响应，因此无法读取你的gist。没有做任何更改：请一分钟后再试。",
  "errors.github_draft_not_found": "草稿#{id}不是你的：只有草稿所依据的已合并拉取请求的作者才能提交或丢弃它。",
  "errors.github_draft_decided": "草稿#{id}已经是{status}状态：没有做任何更改。",
  "errors.github_taken":
    "GitHub账号@{login}已绑定到本服务器的另一位成员：每个GitHub账号只能属于一位成员。没有绑定任何账号。",
  "errors.foreignGuild": "Steward未在此服务器上设置。",
  "errors.discordFailure.http": "Discord出现故障（返回HTTP {status}）",
  "errors.discordFailure.timeout": "Discord未能及时响应",
  "errors.discordFailure.unreachable": "无法连接到Discord",
  "errors.postFailure.not_connected": "机器人未连接到Discord",
  "errors.postFailure.no_channel": "没有名为#{channel}的文字频道（请创建该频道，或修改频道设置）",
  "errors.postFailure.missing_permissions": "{count, plural, other {我在那里缺少{permissions}权限}}",
  "errors.postFailure.discord_failing": "Discord出现故障（返回HTTP {status}）",
  "errors.postFailure.timeout": "Discord未能及时响应",
  "errors.postFailure.unreachable": "无法连接到Discord",
  "errors.postFailure.no_view_channel": "我看不到那个频道（我在那里缺少查看频道权限）",
  "errors.postFailure.missing_access": "我在那里缺少某项权限（Discord返回Missing Permissions）",
  "errors.postFailure.channel_gone": "该频道已不存在",
  "errors.postFailure.message_gone": "我要更新的消息已被删除",
  "errors.postFailure.invalid_message": "Discord认为这条消息无效而拒绝了它（这是我们这边的问题：日志中有详细信息）",
  "errors.postFailure.steward_error": "Steward这边出了错（日志中有详细信息）",
  "errors.postFailure.subject_gone": "它所展示的内容已不存在",
  "errors.permission":
    "{name, select, View_Channel {查看频道} Send_Messages {发送消息} Embed_Links {嵌入链接} Read_Message_History {阅读消息历史记录} other {{name}}}",
} as const satisfies CatalogOf<typeof source>;
