import type { CatalogOf } from "../catalogOf.ts";
import type { mentor as source } from "../en/mentor.ts";

export const mentor = {
  "mentor.requested":
    "你已申请导师。导师们会在治理频道看到你的申请；有导师接受后，会在该频道提及你并告知导师是谁（`/start` 和 `/mentor list` 也会显示）。",
  "mentor.accepted":
    "你现在是 <@{newcomer}> 的导师。他们的前 {reviews} 项贡献在评估前最多等待 {hours} 小时，等你留下点评：`/mentor review contribution:… comment:…`。",
  "mentor.ended": "<@{newcomer}> 的导师关系已结束。",
  "mentor.reviewed": "你对贡献 #{id} 的点评已记录。它会和评估一起显示；它不是评分，评估器也不会读到它。",
  "mentor.list.title": "导师计划",
  "mentor.list.requests": "正在寻找导师的新成员",
  "mentor.list.none": "目前没有人在等待导师。",
  "mentor.list.request": "<@{newcomer}>，{when}申请{hasNote, select, yes {：“{note}”} other {}}",
  "mentor.list.mine": "你的导师",
  "mentor.list.mentees": "你指导的新成员",
  "mentor.status.requested": "你已申请导师，暂时还没有导师接受。",
  "mentor.status.active": "<@{mentor}> 是你的导师。",
  "mentor.accept.button": "接受并担任导师",
  "mentor.note.requested":
    "<@{newcomer}> 是新成员，正在寻找导师{hasNote, select, yes {：“{note}”} other {。}}\n导师们：点击下方按钮或使用 `/mentor accept newcomer:@…` 接受。",
  "mentor.note.accepted":
    "<@{newcomer}>：<@{mentor}> 已接受担任你的导师。在你最初的几项贡献接受评估之前，导师会先阅读并留下备注；`/mentor list` 可查看你的导师关系。",
  "mentor.note.ended":
    "{tell}：{hasMentor, select, yes {<@{by}> 结束了 <@{mentor}> 与 <@{newcomer}> 的导师关系。} other {<@{by}> 关闭了 <@{newcomer}> 的导师申请。}}",
  "mentor.note.reviewDue":
    "<@{mentor}>：你指导的新成员 <@{newcomer}> 提交了贡献 #{id}。它的评估最多等待 {hours} 小时，等你留下点评：`/mentor review contribution:{id} comment:…`。",
  "mentor.evaluation.fieldName": "导师点评（不计分）",
  "mentor.evaluation.value": "<@{mentor}>：{comment}",
  "mentor.trace": "评估前的导师点评（不计分）：{comment}",
  "mentor.reason": "导师分成，来自贡献 #{id} 的奖励：{amount}",
  "mentor.post.share": "导师分成",
  "mentor.start.fieldName": "5. 导师",
  "mentor.start.none":
    "拥有导师身份组的成员会指导新成员：他们会在评估前阅读你的前几项贡献并留下点评。点击按钮即可申请。",
  "mentor.start.notNewcomer": "导师只陪伴新成员，直到其第一项贡献获得奖励；你已有贡献获得过奖励。",
  "mentor.start.button": "寻找导师",
  "mentor.error.notNewcomer": "导师只面向新成员，而你已有贡献获得过奖励。",
  "mentor.error.alreadyOpen":
    "{status, select, active {你已经有导师了：<@{mentor}>。} other {你已经申请过导师；请等待导师接受，或用 `/mentor end` 取消申请。}}",
  "mentor.error.noRequest": "<@{newcomer}> 没有申请导师（`/mentor list` 会列出申请者）。",
  "mentor.error.self": "你不能担任自己的导师。",
  "mentor.error.sharesWallet":
    "你不能担任 <@{newcomer}> 的导师：你们都绑定了 `{address}`，存在利益冲突（这条规则防止任何人给自己的小号付钱）。",
  "mentor.error.taken":
    "{hasMentor, select, yes {<@{newcomer}> 已经有导师了：<@{mentor}>。} other {<@{newcomer}> 的申请已被另一位导师接受。}}",
  "mentor.error.noneOpen": "没有可以结束的导师关系。",
  "mentor.error.notYours": "只有 <@{newcomer}> 本人、其导师或版主可以结束这段导师关系。",
  "mentor.error.reviewNotMentee": "你不是贡献 #{id} 作者的导师。",
  "mentor.error.reviewNotFirst": "贡献 #{id} 不在作者的前 {reviews} 项贡献之内，导师只点评这几项。",
  "mentor.error.reviewTooLate": "贡献 #{id} 已处于“{status}”状态：导师点评须在评估之前，这一项已经来不及了。",
  "mentor.error.reviewExists": "贡献 #{id} 已经有导师点评了。",
} as const satisfies CatalogOf<typeof source>;
