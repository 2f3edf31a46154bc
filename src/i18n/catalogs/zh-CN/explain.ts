import type { CatalogOf } from "../catalogOf.ts";
import type { explain as source } from "../en/explain.ts";

export const explain = {
  "explain.separator": "；",
  "explain.comma": "，",
  "explain.links": "{count, plural, =0 {没有链接} other {# 个不同的链接}}",
  "explain.linksWithKinds": "{count, plural, other {# 个不同的链接}}（{kinds}）",
  "explain.linkKind": "{kind, select, pr {拉取请求} commit {提交} issue {议题} doc {文档} other {其他}}",
  "explain.github.approved":
    "已在 GitHub 上核实：{merged, plural, =0 {没有已合并的拉取请求} other {# 个已合并的拉取请求}}，由 {approvers} 批准",
  "explain.github.mergedByOther":
    "已在 GitHub 上核实：{merged, plural, =0 {没有已合并的拉取请求} other {# 个已合并的拉取请求}}，由他人合并",
  "explain.github.noReview":
    "已在 GitHub 上核实：{merged, plural, =0 {没有已合并的拉取请求} other {# 个已合并的拉取请求}}，没有批准的审查",
  "explain.github.selfMerged": "{count, plural, other {# 个由作者在只有自己能控制的仓库中合并}}，按未经审查计算",
  "explain.github.reverted": "{count, plural, other {# 个后来被回滚}}",
  "explain.github.trivial": "改动极小",
  "explain.refused": "{count, plural, other {# 个由他人编写的拉取请求，不计入}}",
  "explain.duplicate": "与以前的工作几乎重复",
  "explain.length":
    "{chars, plural, other {# 个有效字符}}{language, select, zh {（按英文等量字符计：正文为中文）} es {（按英文等量字符计：正文为西班牙语）} other {}}",
  "explain.lengthShort": "不足 {target}：得到完整描述分的 {percent}",
  "explain.verifiedLines": "已在 GitHub 上核实：{lines, plural, other {改动了 # 行有效代码}}",
  "explain.verifiedApart": "{apart, plural, other {# 行}}属于锁文件、生成文件或空白，不计入",
  "explain.fromEvidence": "依据所提供的证据评分",
  "explain.hours": "{hours, plural, other {自述 # 小时}}，不计分",
  "explain.hoursUnbacked": "{hours, plural, other {自述 # 小时}}，不计分，且超出描述和链接所能证明的",
  "explain.track": "{category}类；作者{earlier, plural, =0 {此前没有贡献} other {此前有 # 项贡献}}",
  "explain.unmeasured": "离线评估器不衡量此项：中性分 5",
  "explain.evidenceFound": "已有的{category}类证据：{list}",
  "explain.evidenceMissing": "缺少的{category}类证据：{list}",
  "explain.evidenceName":
    "{evidence, select, code_link {拉取请求或提交的链接} review {作者以外的人所做的审查} tests {证明其可用的测试} published_link {已发布文本的链接} language_pair {翻译的语言对} length {篇幅或范围} file_link {设计文件或图片的链接} problem {它解决的问题} recording {录像或记录的链接} attendance {参加人数} questions {回答了哪些问题} sources {所用的资料来源} result {书面结论} what_ran {运行或更改了什么} outcome {产生的结果} work_link {能看到这项工作的链接} description {做了什么、为什么做} other {{evidence}}}",
  "explain.example":
    "{evidence, select, code_link {“https://github.com/your-org/app/pull/42”} review {“经 @alice 批准后合并”} tests {“为投票关闭器新增了 3 个测试”} published_link {“https://docs.example.org/guide”} language_pair {“从英文翻译成中文”} length {“12 页，约 4000 字”} file_link {“https://www.figma.com/file/…（新手引导界面）”} problem {“新成员找不到投票按钮”} recording {“https://youtube.com/watch?v=…（AMA 录像）”} attendance {“40 人参加”} questions {“回答了 15 个关于投票的问题”} sources {“三篇论文和论坛讨论帖，均附链接”} result {“报告链接，附结论”} what_ran {“把节点升级到 v20 并轮换了密钥”} outcome {“自周一起可用率恢复到 99.9%”} work_link {“一个能看到成果的链接”} description {“你做了什么、为什么做、带来了什么变化”} other {}}",
  "explain.rationale.intro": "依据可观察的信号评分：链接、篇幅和 GitHub 上的事实，从不依据自述的工时。",
  "explain.rationale.similar": "它与贡献 #{id} 的相似度为 {percent}。",
  "explain.rationale.claimed": "它的链接已被 {ids} 认领。",
  "explain.rationale.injection": "文本中含有写给评估器的指令（{signals}）。",
  "explain.rationale.stuffed": "文本堆砌了描述分数而非描述工作的词语。",
  "explain.rationale.lowEvidence": "可用于核实这项工作的证据很少：请补充相关链接。",
  "explain.rationale.fallback": "AI 评估器出错；这是离线评分细则的评估，需由人工核对。",
  "explain.expected.fieldName": "{category}类工作的评判依据",
  "explain.advice.fieldName": "你的第一项贡献：怎样能得更高分",
  "explain.advice.intro": "欢迎！以下每项低于 7 分的评分，如有下列证据本可以更高；下次提交时请附上。",
  "explain.advice.criterionFieldName": "{criterion} — {score}/10：怎样能得更高分",
  "explain.advice.item": "• {evidence}，例如 {example}",
  "explain.policy.fieldName": "各类别的证据",
  "explain.policy.none": "此政策未按类别列出证据（记录于各类别有自己的评判依据之前）。",
  "explain.policy.categoryFieldName": "{category}类工作的证据",
  "explain.policy.diff": "以下类别的评判证据有变：{categories}",
  "explain.policy.config": "以下类别的评判证据不同：{categories}",
  "explain.policy.item": "• {evidence}（{criterion}）",
} as const satisfies CatalogOf<typeof source>;
