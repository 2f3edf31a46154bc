import type { CatalogOf } from "../catalogOf.ts";
import type { setup as source } from "../en/setup.ts";

export const setup = {
  "setup.status.allClear": "**设置：**一切正常：频道、权限、身份组、Server Members intent和命令都符合Steward的需要。",
  "setup.status.problems": "**设置：**有{problemCount}个问题需要解决：\n{problems}",
  "setup.status.nothingWaits": "**帖子：**没有等待发布的内容。",
  "setup.status.posts": "**帖子：**{posts}",
  "setup.status.queued": "{queuedCount}条在队列中，按Discord的速率发出（同时等待的多条会合并为一条汇总消息）。",
  "setup.status.refused": "{refusedCount}条被Discord拒绝，会自动重试：\n{posts}",
  "setup.status.refusedPost": "- {channel}中的{what}：{reason}（已尝试{attempts, plural, other {#次}}，下次{next}）",
  "setup.status.refusedPostOf":
    "- {channel}中的{what} #{id}：{reason}（已尝试{attempts, plural, other {#次}}，下次{next}）",
  "setup.status.more": "……还有{moreCount}条。",
  "setup.kind.contribution": "贡献",
  "setup.kind.evaluation": "评估帖子",
  "setup.kind.appeal": "申诉",
  "setup.kind.proposal": "提案",
  "setup.kind.result": "提案结果",
  "setup.kind.receipt": "提案的付款收据",
  "setup.kind.safeBatch": "付款批次的Safe文件",
  "setup.kind.note": "给管理员的通知",
  "setup.kind.compute": "算力消息",
  "setup.kind.reminder": "投票提醒",
  "setup.kind.reminderDm": "投票提醒私信",
  "setup.kind.epochReminder": "纪元提醒",
  "setup.kind.githubDraft": "来自已合并PR的贡献草稿",
  "setup.itemSeparator": "、",
  "setup.roleWithId": "{name}（ID {id}）",
  "setup.permission.item": "{name}（{why}）",
  "setup.permission.viewChannel.name": "查看频道",
  "setup.permission.viewChannel.why": "用于看到频道",
  "setup.permission.sendMessages.name": "发送消息",
  "setup.permission.sendMessages.why": "用于发帖",
  "setup.permission.embedLinks.name": "嵌入链接",
  "setup.permission.embedLinks.why": "帖子以嵌入内容显示",
  "setup.permission.readMessageHistory.name": "阅读消息历史记录",
  "setup.permission.readMessageHistory.why": "结果和评估会回复对应的帖子",
  "setup.permission.attachFiles.name": "附加文件",
  "setup.permission.attachFiles.why": "每笔已批准付款的Safe批次文件（SETTLEMENT_MODE=safe-export）",
  "setup.permission.mentionEveryone.name": "提及@everyone、@here和所有身份组",
  "setup.permission.mentionEveryone.why": "用于在管理员身份组无法被提及时通知他们；Steward从不提及@everyone或@here",
  "setup.channel.missing":
    "频道#{value}（{setting}）在{guild}中不存在：请创建一个同名的文字频道，或将{setting}设为现有频道的名称或ID。",
  "setup.channel.lacks":
    "机器人在#{channel}（{setting}）中缺少{missing}：请在该频道的权限中为机器人的身份组允许{missingCount, plural, other {这些权限}}（编辑频道 → 权限）。",
  "setup.channel.silent":
    "在#{channel}（{setting}）中，管理员不会收到通知：身份组{roles}（MODERATOR_ROLE）{silentCount, plural, other {无法被提及}}，而机器人在那里缺少“提及@everyone、@here和所有身份组”权限，所以Discord只会显示提及而不会通知任何人。请为机器人的身份组允许“提及@everyone、@here和所有身份组”（服务器设置 → 身份组，或编辑频道 → 权限；Steward从不提及@everyone或@here），或开启“允许任何人@提及此身份组”（服务器设置 → 身份组）。",
  "setup.role.missing":
    "身份组{value}（{setting}）在{guild}中不存在：请创建它（服务器设置 → 身份组），或将{setting}设为现有身份组的ID。",
  "setup.role.sameNameKept":
    "{setting}“{value}”是{roleCount}个身份组的名称（ID：{ids}）：Steward保留它最先解析到的那个（ID {kept}），其他的不具有任何权限。请将{setting}设为正确身份组的ID，并删除或重命名其他{others, plural, other {身份组}}（服务器设置 → 身份组）。",
  "setup.role.sameNameNone":
    "{setting}“{value}”是{roleCount}个身份组的名称（ID：{ids}）：Steward无法判断指的是哪一个，所以在Steward中没有人拥有它。请将{setting}设为正确身份组的ID，并删除或重命名其他{others, plural, other {身份组}}（服务器设置 → 身份组）。",
  "setup.publicBot":
    "Public Bot已开启，任何人都可以把机器人添加到自己的服务器：请在Discord Developer Portal → 你的应用 → Bot → Public Bot中关闭它（Steward只服务于DISCORD_GUILD_ID）。",
  "setup.membersIntentOff":
    "Server Members intent已关闭，因此投票无法统计有资格的成员：请在Discord Developer Portal → 你的应用 → Bot → Privileged Gateway Intents → Server Members Intent中启用它。",
  "setup.commands.stale": "斜杠命令{commands}缺失或与当前版本的Steward不一致：请运行`steward deploy-commands`。",
  "setup.commands.twice":
    "斜杠命令{commands}同时注册在{guild}和全局，因此成员会看到每个命令两次：请运行`steward deploy-commands`（它只保留一种范围）。",
  "setup.quorum.votes": "{voteCount, plural, other {#票}}",
  "setup.quorum.weight": "权重{weight}",
  "setup.quorum.overShare":
    "QUORUM={spec}，基数为{memberCount, number}名{group, select, active {活跃成员} voters {拥有投票者身份组的成员} other {成员}}",
  "setup.quorum.whyTurnout": "最近{closedCount, plural, other {#次已结束的投票}}中最多只有{had}",
  "setup.quorum.whyActive": "只有{activeCount, number}名成员是活跃的（最近贡献过、提过提案或投过票）",
  "setup.quorum.fixActive":
    "改为按活跃成员计算（QUORUM_OF=active：{activeCount, number}名中需要{needed}），或调低QUORUM",
  "setup.quorum.fixLower": "调低QUORUM",
  "setup.quorum.outOfReach":
    "参与的人数达不到法定人数：现在发起的投票需要{needed}（{over}），但{why}，所以投票会作废，什么也不会支付：{fix}。",
} as const satisfies CatalogOf<typeof source>;
