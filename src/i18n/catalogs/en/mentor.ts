/** English: the source every other catalog translates. Keys start with "mentor.". */
export const mentor = {
  "mentor.requested":
    "You asked for a mentor. Mentors see your request in the governance channel; once one accepts, you are mentioned there with their name (and `/start` and `/mentor list` show who it is).",
  "mentor.accepted":
    "You are now <@{newcomer}>'s mentor. Their first {reviews, plural, one {contribution waits} other {# contributions wait}} up to {hours, plural, one {# hour} other {# hours}} for your note before evaluation: `/mentor review contribution:… comment:…`.",
  "mentor.ended": "The mentorship of <@{newcomer}> has ended.",
  "mentor.reviewed":
    "Your note on contribution #{id} is recorded. It is shown with the evaluation; it is not a score and the evaluator does not read it.",
  "mentor.list.title": "Mentorship",
  "mentor.list.requests": "Newcomers asking for a mentor",
  "mentor.list.none": "Nobody is waiting for a mentor.",
  "mentor.list.request": "<@{newcomer}>, asked {when}{hasNote, select, yes {: “{note}”} other {}}",
  "mentor.list.mine": "Your mentor",
  "mentor.list.mentees": "Your newcomers",
  "mentor.status.requested": "You asked for a mentor; nobody has accepted yet.",
  "mentor.status.active": "<@{mentor}> is your mentor.",
  "mentor.accept.button": "Accept as mentor",
  "mentor.note.requested":
    "<@{newcomer}> is new here and asks for a mentor{hasNote, select, yes {: “{note}”} other {.}}\nMentors: accept with the button below or `/mentor accept newcomer:@…`.",
  "mentor.note.accepted":
    "<@{newcomer}>: <@{mentor}> accepted to be your mentor. They will read your first contributions and leave a note before each is evaluated; `/mentor list` shows your mentorship.",
  "mentor.note.ended":
    "{tell}: {hasMentor, select, yes {<@{by}> ended <@{mentor}>'s mentorship of <@{newcomer}>.} other {<@{by}> closed <@{newcomer}>'s request for a mentor.}}",
  "mentor.note.reviewDue":
    "<@{mentor}>: your newcomer <@{newcomer}> submitted contribution #{id}. Its evaluation waits up to {hours, plural, one {# hour} other {# hours}} for your note: `/mentor review contribution:{id} comment:…`.",
  "mentor.evaluation.fieldName": "Mentor's note (not a score)",
  "mentor.evaluation.value": "<@{mentor}>: {comment}",
  "mentor.trace": "Mentor's note before the evaluation (not a score): {comment}",
  "mentor.reason": "Mentor's share of contribution #{id}'s reward: {amount}",
  "mentor.post.share": "mentor's share",
  "mentor.start.fieldName": "5. A mentor",
  "mentor.start.none":
    "Members with the mentor role guide newcomers: they read your first contributions before they are evaluated and leave a note. Ask for one with the button.",
  "mentor.start.notNewcomer":
    "Mentors guide newcomers until their first contribution is paid; one of yours already has been.",
  "mentor.start.button": "Find a mentor",
  "mentor.error.notNewcomer": "Mentors are for newcomers, and one of your contributions has already been paid.",
  "mentor.error.alreadyOpen":
    "{status, select, active {You already have a mentor: <@{mentor}>.} other {You already asked for a mentor; wait for one to accept, or end the request with `/mentor end`.}}",
  "mentor.error.noRequest": "<@{newcomer}> has not asked for a mentor (`/mentor list` shows who has).",
  "mentor.error.self": "You cannot be your own mentor.",
  "mentor.error.sharesWallet":
    "You cannot mentor <@{newcomer}>: you have both linked `{address}`, so you are conflicted (the rule that keeps anyone from paying their own alt).",
  "mentor.error.taken":
    "{hasMentor, select, yes {<@{newcomer}> already has a mentor: <@{mentor}>.} other {<@{newcomer}>'s request was taken by another mentor.}}",
  "mentor.error.noneOpen": "There is no open mentorship to end.",
  "mentor.error.notYours": "Only <@{newcomer}>, their mentor or a moderator can end this mentorship.",
  "mentor.error.reviewNotMentee": "You are not the mentor of the author of contribution #{id}.",
  "mentor.error.reviewNotFirst":
    "Contribution #{id} is not among its author's first {reviews, plural, one {contribution} other {# contributions}}, which are the ones a mentor reviews.",
  "mentor.error.reviewTooLate":
    "Contribution #{id} is already {status}: a mentor's note comes before the evaluation, and it is too late for this one.",
  "mentor.error.reviewExists": "Contribution #{id} already has its mentor's note.",
} as const;
