import type { CatalogOf } from "../catalogOf.ts";
import type { reminder as source } from "../en/reminder.ts";

export const reminder = {
  "reminder.turnout.reached":
    "投票情况：{voterCount, plural, other {#人已投票}}{weighted, select, yes {，权重{weight}} other {}}；法定人数{quorum}：已达到法定人数。",
  "reminder.turnout.weightShort":
    "投票情况：{voterCount, plural, other {#人已投票}}，权重{weight}；法定人数{quorum}：还需要权重{more}，否则投票将作废。",
  "reminder.turnout.votesShort":
    "投票情况：{voterCount, plural, other {#人已投票}}；法定人数{quorum}：还需要{moreCount, plural, other {#票}}，否则投票将作废。",
  "reminder.turnout.legacyReached":
    "投票情况：{voterCount, plural, other {#人已投票}}，权重{weight}，法定人数需要{quorumWeight}：已达到法定人数。",
  "reminder.turnout.legacyShort":
    "投票情况：{voterCount, plural, other {#人已投票}}，权重{weight}，法定人数需要{quorumWeight}：还需要{more}，否则投票将作废。",
  "reminder.post.head": "⏰ **提案 #{proposalId} · {title}**：投票将于{closesAt}截止（{closes}）。",
  "reminder.post.mayStillVote":
    "{eligibleCount, number}名有投票资格的成员中，还有{mayCount, plural, other {#名}}可以投票。",
  "reminder.post.optIn": "想在投票截止前、你还没投票时收到私信提醒吗？`/notify votes:on`",
  "reminder.epoch.head":
    "⏰ **第{epochNumber}纪元**将于{closesAt}截止（{closes}）：已评估{evaluatedCount, plural, other {#项贡献}}，{awaiting}项等待评估。",
  "reminder.epoch.submit": "请在此之前用`/contribute submit`提交你的贡献：截止时已完成评估的贡献会计入本纪元分配。",
  "reminder.epoch.jurors":
    "评审员请注意：盲评团的样本已抽取，共{sampledCount, plural, other {#项贡献}}，其中{unreviewed}项还没有人评分：请在截止前使用`/jury next`。",
  "reminder.dm.head": "⏰ 你还没有对**提案 #{proposalId} · {title}**投票：投票将于{closesAt}截止（{closes}）。",
  "reminder.dm.where": "请在#governance中该提案的消息上投票。",
  "reminder.dm.why": "你收到这条消息是因为使用了`/notify votes:on`；`/notify votes:off`可以停止提醒。",
  "reminder.notify.turnedOn": "投票私信提醒已开启。",
  "reminder.notify.turnedOff": "投票私信提醒已关闭。",
  "reminder.notify.onBefore":
    "投票私信提醒：**开启**。在投票截止前（提前{when}），如果你还没有投票，我会私信提醒你。`/notify votes:off`可以停止提醒。",
  "reminder.notify.on":
    "投票私信提醒：**开启**。在投票截止前，如果你还没有投票，我会私信提醒你。`/notify votes:off`可以停止提醒。",
  "reminder.notify.off": "投票私信提醒：**关闭**。使用`/notify votes:on`后，在投票截止前你还没投票时我会私信提醒你。",
  "reminder.notify.serverOff": "本服务器已关闭提醒（REMINDER_BEFORE），因此不会发送任何提醒。",
  "reminder.notify.openDms": "你需要允许来自本服务器成员的私信（隐私设置 → 私信），才能收到提醒。",
  "reminder.dmsClosed":
    "我{at}无法私信你投票提醒：你没有允许我发送私信，所以我关闭了投票提醒。请允许来自本服务器成员的私信（隐私设置 → 私信），然后使用`/notify votes:on`重新开启提醒。",
} as const satisfies CatalogOf<typeof source>;
