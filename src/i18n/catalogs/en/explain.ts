/**
 * English: the source every other catalog translates. Keys start with "explain.": the rubric evaluator's reasons,
 * worded from its facts; the evidence each category is judged by; what would have scored higher, for a newcomer.
 */
export const explain = {
  "explain.separator": "; ",
  /** Between the length and how far under the target it is. */
  "explain.comma": ", ",
  "explain.links": "{count, plural, =0 {no link} one {# distinct link} other {# distinct links}}",
  "explain.linksWithKinds": "{count, plural, one {# distinct link} other {# distinct links}} ({kinds})",
  "explain.linkKind": "{kind, select, pr {pull request} commit {commit} issue {issue} doc {document} other {other}}",
  "explain.github.approved":
    "checked on GitHub: {merged, plural, =0 {no merged pull request} one {# merged pull request} other {# merged pull requests}}, approved by {approvers}",
  "explain.github.mergedByOther":
    "checked on GitHub: {merged, plural, =0 {no merged pull request} one {# merged pull request} other {# merged pull requests}}, merged by someone else",
  "explain.github.noReview":
    "checked on GitHub: {merged, plural, =0 {no merged pull request} one {# merged pull request} other {# merged pull requests}}, no approving review",
  "explain.github.selfMerged":
    "{count, plural, one {# merged by its author in a repository only they control} other {# merged by their author in a repository only they control}}, counted as unreviewed",
  "explain.github.reverted": "{count, plural, one {# reverted later} other {# reverted later}}",
  "explain.github.trivial": "a trivially small change",
  "explain.refused":
    "{count, plural, one {# pull request authored by someone else, not counted} other {# pull requests authored by someone else, not counted}}",
  "explain.duplicate": "near-duplicate of earlier work",
  "explain.length":
    "{chars, plural, one {# informative character} other {# informative characters}}{language, select, zh { (counted in English-equivalent characters: the text is Chinese)} es { (counted in English-equivalent characters: the text is Spanish)} other {}}",
  "explain.lengthShort": "under {target}: {percent} of a full description's credit",
  "explain.verifiedLines":
    "checked on GitHub: {lines, plural, one {# changed line of work} other {# changed lines of work}}",
  "explain.verifiedApart":
    "{apart, plural, one {# line} other {# lines}} in lockfiles, generated files or whitespace, not counted",
  "explain.fromEvidence": "judged from the evidence",
  "explain.hours": "{hours, plural, one {# hour stated} other {# hours stated}}, not scored",
  "explain.hoursUnbacked":
    "{hours, plural, one {# hour stated} other {# hours stated}}, not scored, and more than the description and links show",
  "explain.track":
    "{category} category; {earlier, plural, =0 {no earlier contribution} one {# earlier contribution} other {# earlier contributions}} by the author",
  "explain.unmeasured": "not measured by the offline evaluator: a neutral 5",
  "explain.evidenceFound": "{category} evidence found: {list}",
  "explain.evidenceMissing": "{category} evidence missing: {list}",
  "explain.evidenceName":
    "{evidence, select, code_link {a link to the pull request or commit} review {a review by someone other than the author} tests {tests that show it works} published_link {a link to the published text} language_pair {for a translation, the language pair} length {its length or scope} file_link {a link to the design file or image} problem {the problem it solves} recording {a link to the recording or notes} attendance {how many attended} questions {the questions answered} sources {the sources used} result {a written result} what_ran {what was run or changed} outcome {its outcome} work_link {a link to the work} description {what was done and why} other {{evidence}}}",
  "explain.example":
    "{evidence, select, code_link {“https://github.com/your-org/app/pull/42”} review {“merged after @alice approved it”} tests {“added 3 tests for the vote closer”} published_link {“https://docs.example.org/guide”} language_pair {“translated from English into Chinese”} length {“12 pages, about 4,000 words”} file_link {“https://www.figma.com/file/… (the onboarding screens)”} problem {“new members could not find the vote button”} recording {“https://youtube.com/watch?v=… (the AMA recording)”} attendance {“40 people attended”} questions {“answered 15 questions about voting”} sources {“three papers and the forum thread, linked”} result {“a link to the report, with its conclusions”} what_ran {“upgraded the node to v20 and rotated the keys”} outcome {“uptime back to 99.9 % since Monday”} work_link {“a link where the work can be seen”} description {“what you did, why, and what changed”} other {}}",
  "explain.rationale.intro": "Scored from observable signals: links, length and what GitHub says, never stated hours.",
  "explain.rationale.similar": "It is {percent} similar to contribution #{id}.",
  "explain.rationale.claimed": "Its links were already claimed by {ids}.",
  "explain.rationale.injection": "The text contains instructions addressed to the evaluator ({signals}).",
  "explain.rationale.stuffed": "The text is stuffed with words that describe a score rather than the work.",
  "explain.rationale.lowEvidence": "There is little evidence to verify the work: add links to it.",
  "explain.rationale.fallback":
    "The AI evaluator failed; this is the offline rubric's evaluation, for a person to check.",
  "explain.expected.fieldName": "What judges {category} work",
  "explain.advice.fieldName": "Your first contribution: what would have scored higher",
  "explain.advice.intro":
    "Welcome! Each score below 7 would have been higher with the evidence below; add it to your next contribution.",
  "explain.advice.criterionFieldName": "{criterion} — {score}/10: what would have scored higher",
  "explain.advice.item": "• {evidence}, e.g. {example}",
  "explain.policy.fieldName": "Evidence per category",
  "explain.policy.none": "This policy lists no evidence per category (recorded before categories had their own).",
  "explain.policy.categoryFieldName": "Evidence for {category} work",
  "explain.policy.diff": "evidence expected per category changed: {categories}",
  "explain.policy.config": "evidence expected per category differs for {categories}",
  "explain.policy.item": "• {evidence} ({criterion})",
} as const;
