import type { CatalogOf } from "../catalogOf.ts";
import type { compute as source } from "../en/compute.ts";

export const compute = {
  "compute.separator": "、",
  "compute.none": "无",
  "compute.percent": "{value}%",
  "compute.nodeStatus":
    "{status, select, pending {待上线} online {在线} offline {离线} retired {已退役} other {{status}}}",
  "compute.leaseStatus":
    "{status, select, awaiting_approval {待审批} offered {待接受} declined {已拒绝} active {进行中} ended {已结束} other {{status}}}",
  "compute.perHour": "{price}/{unit, select, gpu {GPU小时} other {CPU小时}}",
  "compute.hardware": "{gpu}，{coreCount, plural, other {{cores}核}}，{ramGb} GB内存",
  "compute.hardware.gpu": "{gpuCount} × {model}（{vramGb} GB）",
  "compute.hardware.noGpu": "无GPU",
  "compute.leaseTerms": "节点#{nodeId} **{nodeName}**上的{gpuCount}块GPU × {hours}小时，单价{price}/GPU小时",

  "compute.nodeLine":
    "{icon} **#{nodeId}** {name} · {hardware} · {region} · {price}/{unit, select, gpu {GPU小时} other {CPU小时}} · <@{providerId}>",
  "compute.nodeList.embedTitle": "{scope, select, mine {你的节点} other {所有节点}}",
  "compute.nodeList.filtered.embedTitle": "{scope, select, mine {你的节点} other {所有节点}}（{filters}）",
  "compute.nodeList.filter.gpu": "GPU型号：{gpu}",
  "compute.nodeList.filter.region": "区域：{region}",
  "compute.nodeList.emptyMine": "你在这里还没有节点。先在机器上运行`steward node-agent`，再用`/node register`注册。",
  "compute.nodeList.emptyAll": "没有符合条件的节点。",
  "compute.nodeList.footer": "第{page}/{pages}页 · 共{total}个",

  "compute.node.embedTitle": "{icon} 节点#{nodeId} · {name}",
  "compute.node.provider.fieldName": "提供者",
  "compute.node.status.fieldName": "状态",
  "compute.node.price.fieldName": "价格",
  "compute.node.declared.fieldName": "声明配置",
  "compute.node.reported.fieldName": "上报配置",
  "compute.node.proven.fieldName": "已验证",
  "compute.node.uptime.fieldName": "在线率",
  "compute.node.flags.fieldName": "标记",
  "compute.node.leases.fieldName": "租约",
  "compute.node.earned.fieldName": "收益",
  "compute.node.key.fieldName": "公钥",
  "compute.node.lastSeen": "{status}，上次心跳：{seen}",
  "compute.node.price": "{perHour} · {region}",
  "compute.node.reported": "{gpus}，{coreCount, plural, other {{cores}核}}，{ramGb} GB内存，{os}",
  "compute.node.reportedGpu": "{name}（{gb} GB）",
  "compute.node.reportedNothing": "暂无（尚无心跳）",
  "compute.node.lease": "#{leaseId} {status} · {gpuCount}块GPU × {hours}小时，单价{price}",
  "compute.node.leaseEnds": "#{leaseId} {status} · {gpuCount}块GPU × {hours}小时，单价{price} · {endsAt}结束",
  "compute.node.flagged": "⚠️ {shortfall}（奖励以上报的容量为上限）",
  "compute.node.earned": "纪元分配中共{amount}",
  "compute.node.shortfallNote":
    "⚠️ 你的节点最近一次心跳上报的配置低于你的声明：{shortfall}。其奖励以上报的配置为上限；请修好机器，或用`/node update`修改你提供的内容。",
  "compute.node.notChallenged": "尚未接受挑战：通过挑战之前，其容量按CPU费率计酬",
  "compute.node.challengePassed": "✅ 挑战#{challengeId}（{issuedAt}）已通过：{laneCount}条通道，用时{seconds}秒",
  "compute.node.challengeFailed":
    "❌ 挑战#{challengeId}（{issuedAt}）未通过（{failure, select, late {超过截止时间才作答} unanswered {未作答} wrong_lane {抽查的通道有误} wrong_lane_count {通道数量不对} other {{failure}}}）：通过一次挑战之前，其容量按CPU费率计酬",
  "compute.uptime.sinceRegistration": "自注册（{registeredAt}）以来：{percent}",
  "compute.uptime.day": "24小时：{percent}",
  "compute.uptime.week": "7天：{percent}",
  "compute.uptime.epoch": "第{epochNumber}纪元：{percent}",
  "compute.uptime.explained": "{windows}\n（每个时间段中、自注册起算，由签名心跳覆盖的时间占比）",

  "compute.register.reply":
    "节点**#{nodeId}**已注册，收到第一次心跳之前处于待上线状态。请在机器上用代理创建的密钥保持代理运行（如果你给它指定过密钥文件，请加上`--key <file>`）：\n`npm run steward -- node-agent --api {api} --node {nodeId}`\n（在Steward的克隆中运行；如果Steward是作为软件包安装的，则运行`steward node-agent …`）。收到第一次签名心跳后节点即上线；用`/node show id:{nodeId}`查看其状态。",
  "compute.register.noApiUrl": "<Steward的HTTP地址>",
  "compute.update.reply": "节点**#{nodeId}**现在的报价为{perHour}，区域为{region}。已约定的租约保持原价。",
  "compute.retire.reply":
    "节点**#{nodeId}**已退役：从现在起拒收其心跳，其进行中的租约已结束（按已交付的部分计酬）。其密钥可用于新节点。",

  "compute.matches.header":
    "算力请求**#{requestId}**：最合适的在线报价（满分100分：在线率、低于你上限的价格、区域、已验证的配置）。选择一个即可询问其提供者。",
  "compute.matches.line": "{position}. **节点#{nodeId} {name}** · 得分{score} · {reasons}",
  "compute.reason.uptime": "7天在线率{percent}",
  "compute.reason.price": "{price}/GPU小时（你的上限：{maxPrice}）",
  "compute.reason.regionAsked": "{region}（你要求的区域）",
  "compute.reason.regionNotAsked": "{region}（不是{asked}）",
  "compute.reason.flagged": "已标记：{shortfall}",
  "compute.reason.specsMatch": "上报配置与声明一致",
  "compute.matches.agent": "**智能体：**{explanation}",
  "compute.choose.button": "选择节点#{nodeId}",
  "compute.lease.approve.button": "批准租约",
  "compute.lease.accept.button": "接受",
  "compute.lease.decline.button": "拒绝",
  "compute.choose.awaitingApproval":
    "租约**#{leaseId}**：{terms}。这种规模的租约需先由管理员批准，批准后会立即询问提供者。",
  "compute.choose.asked": "租约**#{leaseId}**：{terms}。已在#{channel}询问<@{providerId}>。",
  "compute.choose.already": "你已为请求#{requestId}做过选择：租约**#{leaseId}**（{status}）。",
  "compute.lease.approved": "租约**#{leaseId}**（{terms}）已由<@{actorId}>批准。",
  "compute.lease.accepted":
    "✅ 租约**#{leaseId}**已由<@{actorId}>接受：{terms}，从{from}到{until}。<@{requesterId}>，你的算力已就绪。",
  "compute.lease.declined":
    "租约**#{leaseId}**已被<@{actorId}>拒绝。<@{requesterId}>，可以用`/compute request`重新请求，查看其他报价。",
  "compute.leases.none": "你没有租约。用`/compute request`请求算力。",
  "compute.leases.line":
    "**#{leaseId}** {status} · {role, select, requester {你租用} other {<@{requesterId}>租用}}{terms} {when} · “{purpose}”",
  "compute.leases.ended": "{at}已结束",
  "compute.leases.ends": "{at}结束",
  "compute.end.reply": "租约**#{leaseId}**已结束。将在纪元结算时按比例计酬。",

  "compute.notice.nodeRegistered":
    "🖥️ <@{providerId}>注册了节点**#{nodeId} {name}**：{hardware}，{region}，{perHour}。在其代理第一次心跳之前处于待上线状态。",
  "compute.notice.nodeRetired": "⚫ <@{actorId}>让节点**#{nodeId} {name}**退役了。",
  "compute.notice.nodeOffline": "🔴 节点#{nodeId} **{name}**已离线：自{since}起没有心跳。",
  "compute.notice.nodeOnline": "🟢 节点#{nodeId} **{name}**已上线。",
  "compute.notice.nodeOnlineFirst": "🟢 节点#{nodeId} **{name}**已上线（第一次心跳）。",
  "compute.notice.nodeShortfall":
    "⚠️ 节点#{nodeId}上报的配置低于声明：{shortfall}。在情况改变之前，其奖励以上报的容量为上限。",
  "compute.notice.leaseAwaitingApproval":
    "租约**#{leaseId}**需经管理员批准后才会询问<@{providerId}>：<@{requesterId}>希望租用{terms}，用途：“{purpose}”。",
  "compute.notice.leaseOffered":
    "<@{providerId}>，<@{requesterId}>请求租用{terms}，用途：“{purpose}”。接受即立即开始租约**#{leaseId}**；租期内按你的节点在线时长计酬。",
  "compute.notice.leaseEndedEarly":
    "租约**#{leaseId}**已被<@{actorId}>提前结束；按节点至今已交付的部分计酬。<@{otherId}>",
  "compute.notice.leaseEnded":
    "节点#{nodeId}上的租约#{leaseId}已结束：约定{agreed} GPU小时，已交付{delivered} GPU小时，纪元结算时向<@{providerId}>支付{amount}。<@{requesterId}>",
  "compute.notice.leaseNodeOffline":
    "⚠️ <@{requesterId}>、<@{providerId}>：节点#{nodeId} **{nodeName}**自{since}起离线，正值租约#{leaseId}期间（只按其在线时间计酬）。",
  "compute.notice.noFailover": "目前没有其他在线报价能满足剩余的{hours}小时；如果节点恢复，租约将继续。",
  "compute.notice.failover":
    "如需继续剩余的{hours}小时，{offerCount, plural, other {次优的在线报价为}}：{offers}。选择其中一个后，一旦其提供者接受，租约#{leaseId}即结束。",
  "compute.notice.failoverOffer": "节点#{nodeId} **{name}**（得分{score}：{reasons}）",
  "compute.notice.offerSeparator": "；",
  "compute.note.leaseNeedsApproval": "租约#{leaseId}（{terms}）的费用超过LEASE_APPROVAL_ABOVE：请在#{channel}批准。",
  "compute.shortfall.noGpu": "未上报任何GPU，声明为{declared} × {model}",
  "compute.shortfall.otherGpu": "上报的是{reported}，而非声明的{model}",
  "compute.shortfall.gpuCount": "上报{reported} × {model}，声明为{declared}块",
  "compute.shortfall.vram": "上报每块GPU显存{reportedGb} GB，声明为{declaredGb} GB",
  "compute.shortfall.cpuCores": "上报{reported}个CPU核心，声明为{declared}个",
  "compute.shortfall.ram": "上报内存{reportedGb} GB，声明为{declaredGb} GB",
  "compute.shortfall.separator": "；",
  "compute.miss.offline": "离线",
  "compute.miss.retired": "已退役",
  "compute.miss.gpuModel": "{offered}，不是{wanted}",
  "compute.miss.noGpu": "无GPU，不是{wanted}",
  "compute.miss.vram": "每块GPU显存{vramGb} GB，低于{minVramGb} GB",
  "compute.miss.freeGpus": "空闲GPU {free}块，需要{wanted}块",
  "compute.miss.price": "{price}/GPU小时，高于{maxPrice}",
  "compute.miss.separator": "，",
  "compute.miss.nearest": "节点#{nodeId} {name}：{misses}",
} as const satisfies CatalogOf<typeof source>;
