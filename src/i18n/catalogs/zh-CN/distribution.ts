import type { CatalogOf } from "../catalogOf.ts";
import type { distribution as source } from "../en/distribution.ts";

export const distribution = {
  "distribution.title": "第 {epoch} 纪元奖励分配",
  "distribution.summary":
    "为第 {epoch} 纪元的 {contributions} 项贡献向 {recipients} 名成员支付 {paid}{hasCompute, select, yes {，另付算力奖励 {compute}（{rewards} 项节点在线与租用奖励）} other {}}{scaled, select, yes {；建议总额 {total} 已按比例缩减至预算 {budget}} other {}}。{hasWalletless, select, yes {{walletless} 名成员尚无已验证的钱包：{carried} 结转至下一纪元。} other {}}",
  "distribution.budget":
    "预算：{budget}。建议总额：{total}。{scaled, select, yes {已按比例缩减：每份 × 预算 ÷ 总额，向下取整；因取整而损失的最小单位按余数从大到小逐一补发。} other {未超出预算：按建议金额支付。}}",
  "distribution.floors": "类别保底：{floors}。",
  "distribution.floors.separator": "；",
  "distribution.floor.noWork": "{category}（保底 {share}）：本纪元没有贡献",
  "distribution.floor.notNeeded": "{category}（保底 {share}）：无需动用，预算足以支付全部奖励",
  "distribution.floor.inFull":
    "{category}申请的金额低于其 {share} 的保底（{floor}）：其 {count} 项贡献全额支付，共 {requested}",
  "distribution.floor.first": "{category}先获得其 {share} 的保底：{count} 项贡献共 {reserved}，其余部分再按评分分配",
  "distribution.compute":
    "算力：{budget} 按已验证的算力容量 × 在线时长分配，另加每个已结束租用所交付的 GPU 小时数 × 其单价：{rewards}。",
  "distribution.compute.lease": "租用 #{id} {amount}",
  "distribution.compute.uptime": "节点 #{id} 在线 {amount}",
  "distribution.policy.holdNone":
    "策略（暂扣）：没有被抽查的评估被暂扣；每一项中评审团的评分与模型相差都在一分以内，或已有人工审核过。",
  "distribution.policy.held": "策略（暂扣）：以下评估交由版主处理，在有人确认之前不在本次分配中支付：{items}。",
  "distribution.policy.heldItem": "#{id}（模型 {model}/100，评审团 {jury}/100）",
  "distribution.policy.juryNone": "策略（评审团）：本次分配中没有被抽查的项目获得支付。",
  "distribution.policy.juryPaid": "策略（评审团）：以下被抽查的项目按评审团的评分而非模型的评分支付：{items}。",
  "distribution.policy.juryItem":
    "#{id}：{juryReward}（评审团 {jury}/100；按模型的 {model}/100 本应支付 {modelReward}）",
  "distribution.jurors":
    "评审员：{jurors} 名评审员完成 {reviews} 次评审，共 {total}，每次评审固定金额，来自本纪元预算。",
  "distribution.mentors": "导师：新成员首个获得支付的贡献的 {share}，来自本纪元预算：{shares}。",
  "distribution.mentorShare": "{amount} 给 <@{mentor}>，因指导 <@{newcomer}>（贡献 #{id}）",
  "distribution.mentorsRefused": "{ids}没有导师分成：导师与新成员共用同一个钱包。",
  "distribution.appealed": "留待下一纪元（申诉未结）：{ids}。",
  "distribution.held": "留待下一纪元（已被标记，等待版主处理）：{ids}。",
} as const satisfies CatalogOf<typeof source>;
