import type { CatalogOf } from "../catalogOf.ts";
import type { github as source } from "../en/github.ts";

export const github = {
  "github.fact.claim":
    "{key}：未核实（{reason, select, not_found {在GitHub上找不到，或为私有} rate_limited {已达到GitHub的速率限制} timeout {GitHub未能及时响应} unreachable {GitHub没有响应} other {GitHub没有响应}}），按描述计入",
  "github.fact.otherAuthor": "PR #{number}的作者是{author}：只有作者本人才能认领。",
  "github.fact.pr": "PR #{number}：{details}",
  "github.fact.separator": "，",
  "github.fact.listSeparator": "、",
  "github.fact.merged": "已合并",
  "github.fact.mergedBy": "已由{login}合并",
  "github.fact.closed": "未合并即关闭",
  "github.fact.open": "开放中，未合并",
  "github.fact.byYou": "作者是你 ✓",
  "github.fact.byUnchecked": "作者是{login}（未与你核对：用/github link关联你的GitHub账号）",
  "github.fact.approvedBy": "已获{logins}批准",
  "github.fact.noApproval": "没有批准的审查",
  "github.fact.selfMerged": "由作者在只有自己能控制的仓库中合并：最多按未经审查的工作付酬",
  "github.fact.authorAlone": "位于只有作者能控制的仓库",
  "github.fact.closes": "关闭了{issues}",
  "github.fact.reverted": "已被PR #{number}回滚 ⚠",
  "github.fact.revertProposed": "PR #{number}提议回滚它",
  "github.fact.size": "{fileCount, plural, other {{files}个文件}}中+{additions}/−{deletions}",
  "github.fact.sizeApart":
    "{fileCount, plural, other {{files}个文件}}中+{additions}/−{deletions}（其中+{apartAdditions}/−{apartDeletions}为锁文件、生成文件或空白改动）",
  "github.fact.commit": "提交{sha}，作者{author}，{size}",
  "github.fact.unknownAuthor": "GitHub不认识的账号",
  "github.fact.issueOpen": "议题#{number}开放中，由{author}创建",
  "github.fact.issueClosed": "议题#{number}已关闭，由{author}创建",
  "github.fact.issueClosedBy": "议题#{number}已由{closer}关闭，由{author}创建",
  "github.link.open": "打开{uri} ，以你要关联的账号登录GitHub，然后输入这个代码：",
  "github.link.openAgain": "你的GitHub关联仍在等待。打开{uri} ，以你要关联的账号登录GitHub，然后输入这个代码：",
  "github.link.expires":
    "代码将在{expires}过期。Steward会在后台向GitHub查询：你授权后，`/github show`就会显示你的账号。Steward不会请求访问你的仓库：它只读取你是谁。",
  "github.failed.expired": "你上次`/github link`的代码在输入前就过期了。请再运行一次`/github link`。",
  "github.failed.denied": "你在GitHub上取消了上次的`/github link`。没有关联任何账号。",
  "github.failed.taken":
    "GitHub账号@{login}已关联到本服务器的另一位成员：每个GitHub账号只能属于一位成员。没有关联任何账号。",
  "github.failed.unreachable": "你上次的`/github link`没有完成：GitHub停止了响应。请再运行一次`/github link`。",
  "github.failed.unknownUser": "GitHub上已不存在用户@{login}：你上次的`/github link`无法完成。",
  "github.show.linked":
    "你的GitHub账号：**@{login}**（GitHub ID {githubId}），{linked}关联。它编写的拉取请求都算作你的。",
  "github.show.none":
    "你还没有关联GitHub账号。用`/github link`关联一个：在此之前，你的代码链接只是自述，而非已核实的事实。",
  "github.show.gistPending":
    "@{login}的gist证明正在等待（{expires}过期）：把`/github link login:{login}`给你的文本放进一个公开gist，然后再运行一次。",
  "github.show.devicePending": "有一个关联正在等你完成：在{uri} 输入`{code}`（{expires}过期）。",
  "github.unlinked": "GitHub账号@{login}已取消关联。在你运行`/github link`之前，你的拉取请求重新只算自述。",
  "github.gist.linked":
    "GitHub账号**@{login}**已关联到你：Steward在它的公开gist中找到了你的验证文本。它编写的拉取请求都算作你的。",
  "github.gist.relinked":
    "GitHub账号**@{login}**现已关联到你，替换了你之前的账号：Steward在它的公开gist中找到了你的验证文本。它编写的拉取请求都算作你的。",
  "github.gist.notFound":
    "@{login}的公开gist中还没有你的验证文本（Steward读取了它最新的公开gist）。用下面这段文本原样创建一个，然后再检查一次：",
  "github.gist.create":
    "要证明你控制GitHub账号@{login}，请以@{login}的身份创建一个**公开**gist（https://gist.github.com ），内容与下面这段文本完全一致：",
  "github.gist.expires":
    "验证文本将在{expires}过期。然后点击**{button}**（或再次运行`/github link login:{login}`）。关联成功后可以删除这个gist。",
  "github.gist.check.button": "检查我的gist",
  "github.draft.post":
    "<@{member}>，你的拉取请求{url} 已合并。Steward据此起草了一项代码贡献（草稿#{id}）：**{title}**。\n除非你确认，否则不会提交任何内容；提交后，会结合GitHub上关于这个PR的信息进行评估。",
  "github.draft.submit.button": "提交",
  "github.draft.discard.button": "放弃",
  "github.draft.confirmed": "来自{url} 的草稿#{id}已作为贡献#{contributionId}提交；评估随后进行。",
  "github.draft.discarded": "来自{url} 的草稿#{id}已放弃：没有提交任何内容。",
} as const satisfies CatalogOf<typeof source>;
