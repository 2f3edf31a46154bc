/** English: the source every other catalog translates. Keys start with "reminder.". */
export const reminder = {
  "reminder.turnout.reached":
    "Turnout: {voterCount, plural, one {# voter} other {# voters}}{weighted, select, yes {, weight {weight}} other {}}; quorum {quorum}: quorum reached.",
  "reminder.turnout.weightShort":
    "Turnout: {voterCount, plural, one {# voter} other {# voters}}, weight {weight}; quorum {quorum}: weight {more} more needed, or the vote expires.",
  "reminder.turnout.votesShort":
    "Turnout: {voterCount, plural, one {# voter} other {# voters}}; quorum {quorum}: {moreCount, plural, one {# more vote} other {# more votes}} needed, or the vote expires.",
  "reminder.turnout.legacyReached":
    "Turnout: {voterCount, plural, one {# voter} other {# voters}}, weight {weight} of the {quorumWeight} quorum needs: quorum reached.",
  "reminder.turnout.legacyShort":
    "Turnout: {voterCount, plural, one {# voter} other {# voters}}, weight {weight} of the {quorumWeight} quorum needs: {more} more needed, or the vote expires.",
  "reminder.post.head": "⏰ **Proposal #{proposalId} · {title}**: voting closes {closes} ({closesAt}).",
  "reminder.post.mayStillVote":
    "{mayCount, plural, one {# eligible member} other {# eligible members}} of {eligibleCount, number} may still vote.",
  "reminder.post.optIn": "Want a DM before votes close while you have not voted? `/notify votes:on`",
  "reminder.epoch.head":
    "⏰ **Epoch {epochNumber}** closes {closes} ({closesAt}): {evaluatedCount, plural, one {# contribution} other {# contributions}} evaluated, {awaiting} awaiting evaluation.",
  "reminder.epoch.submit":
    "Submit yours with `/contribute submit` before then: what is evaluated by the close is in this epoch's distribution.",
  "reminder.epoch.jurors":
    "Jurors: the blind jury's sample is drawn, {sampledCount, plural, one {# contribution} other {# contributions}}, {unreviewed} not scored by anyone yet: `/jury next` before the close.",
  "reminder.dm.head":
    "⏰ You have not voted on **proposal #{proposalId} · {title}** yet: voting closes {closes} ({closesAt}).",
  "reminder.dm.where": "Vote on its message in #governance.",
  "reminder.dm.why": "You get this because of `/notify votes:on`; `/notify votes:off` stops it.",
  "reminder.notify.turnedOn": "Vote reminders by DM are now on.",
  "reminder.notify.turnedOff": "Vote reminders by DM are now off.",
  "reminder.notify.onBefore":
    "Vote reminders by DM: **on**. Before a vote closes ({when} before), I DM you if you have not voted yet. `/notify votes:off` stops them.",
  "reminder.notify.on":
    "Vote reminders by DM: **on**. Before a vote closes, I DM you if you have not voted yet. `/notify votes:off` stops them.",
  "reminder.notify.off":
    "Vote reminders by DM: **off**. `/notify votes:on` DMs you before a vote closes while you have not voted.",
  "reminder.notify.serverOff": "This server has reminders turned off (REMINDER_BEFORE), so none are sent.",
  "reminder.notify.openDms":
    "Your DMs must be open to this server's members (Privacy Settings → Direct Messages) for them to arrive.",
  "reminder.dmsClosed":
    "I could not DM you a vote reminder {at}: your DMs are closed to me, so I turned vote reminders off. Open your DMs to this server's members (Privacy Settings → Direct Messages) and use `/notify votes:on` to get them again.",
} as const;
