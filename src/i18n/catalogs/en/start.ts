/** English: the source every other catalog translates. Keys start with "start.". */
export const start = {
  "start.embedTitle": "Welcome to Steward",
  "start.intro":
    "Steward pays the members of **{guild}** for their work. You describe what you did; an evaluator scores it against a public rubric and suggests a reward, and people check it. At the end of each epoch members vote on the rewards, moderators approve the payout, and it is sent on-chain to your wallet. Every step is recorded in the audit log.",
  "start.judged.fieldName": "How work is judged",
  "start.judged.policy":
    "By evaluation policy version {version}, which the members voted on: `/policy show` lists its criteria and weights. Every evaluation shows its scores and the evidence it quoted, and you can appeal one with `/appeal`.",
  "start.judged.config":
    "By the rubric this server configured: `/policy show` lists its criteria and weights. Every evaluation shows its scores and the evidence it quoted, and you can appeal one with `/appeal`.",
  "start.transparency": "Every payout and its reasons are public on the transparency page: {url}",
  "start.wallet.fieldName": "1. Link a wallet",
  "start.wallet.linked": "Linked: **{address}** ✓ Your rewards are paid to it.",
  "start.wallet.missing":
    "Not linked yet: your rewards wait for a wallet (they are carried, not lost). Press **Link my wallet**, give your address, then sign the message shown: it is free and sends no transaction.",
  "start.contribute.fieldName": "2. Submit your work",
  "start.contribute.none":
    "Nothing submitted yet. Choose the kind of work below to open the form. Docs, translations, design, research, community and operations work are rewarded too, not only code.",
  "start.contribute.some":
    "{count, plural, one {You have submitted # contribution} other {You have submitted # contributions}}: see {count, plural, one {it} other {them}} with `/contribute list`, or choose a kind of work below to submit more.",
  "start.vote.fieldName": "3. Vote",
  "start.vote":
    "Members vote on proposals and on each epoch's rewards with the buttons on each proposal in the governance channel. `/notify` sets reminders so you do not miss a vote.",
  "start.wallet.button": "Link my wallet",
  "start.walletChange.button": "Change my wallet",
  "start.voting.button": "How voting works",
  "start.contribute.placeholder": "Submit work: choose its kind…",
  "start.category.optionLabel":
    "{category, select, code {Code} docs {Docs and translations} design {Design} research {Research} community {Community and events} ops {Operations} other {Something else}}",
  "start.walletForm.modalTitle": "Link your wallet",
  "start.walletForm.inputLabel": "Your wallet address (0x…)",
  "start.voting":
    "**How voting works here**\n- A vote is open for {period} and uses Snapshot's `{type}` voting.\n- A proposal passes with more than {threshold} of the For and Against votes{quorum, select, none {} other {, once the quorum of {quorum} is reached}}.\n- A passed payout is sent once {approvals, plural, one {# moderator approves} other {# moderators approve}} it, never one who is paid by it.\n- What was voted is what is paid: the payout list is fixed (hashed) when the vote opens.",
  "start.period.days": "{n, plural, one {# day} other {# days}}",
  "start.period.hours": "{n, plural, one {# hour} other {# hours}}",
  "start.period.minutes": "{n, plural, one {# minute} other {# minutes}}",
} as const;
