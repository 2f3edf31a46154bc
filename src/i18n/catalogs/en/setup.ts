/** English: the source every other catalog translates. Keys start with "setup.". */
export const setup = {
  "setup.status.allClear":
    "**Setup:** all clear: channels, permissions, roles, the Server Members intent and the commands are as Steward needs them.",
  "setup.status.problems": "**Setup:** {problemCount} problem(s) to fix:\n{problems}",
  "setup.status.nothingWaits": "**Posts:** nothing waits to be posted.",
  "setup.status.posts": "**Posts:** {posts}",
  "setup.status.queued":
    "{queuedCount} queued, going out at Discord's pace (several at once become one digest message).",
  "setup.status.refused": "{refusedCount} refused by Discord, retried on their own:\n{posts}",
  "setup.status.refusedPost":
    "- {what} in {channel}: {reason} ({attempts, plural, one {# try} other {# tries}}, next {next})",
  "setup.status.refusedPostOf":
    "- {what} #{id} in {channel}: {reason} ({attempts, plural, one {# try} other {# tries}}, next {next})",
  "setup.status.more": "…and {moreCount} more.",
  "setup.kind.contribution": "Contribution",
  "setup.kind.evaluation": "Evaluation post",
  "setup.kind.appeal": "Appeal",
  "setup.kind.proposal": "Proposal",
  "setup.kind.result": "Result of proposal",
  "setup.kind.receipt": "Payout receipt of proposal",
  "setup.kind.safeBatch": "Safe file of payout chunk",
  "setup.kind.note": "Note to moderators",
  "setup.kind.compute": "Compute message",
  "setup.kind.reminder": "Vote reminder",
  "setup.kind.reminderDm": "Vote reminder DM",
  "setup.kind.epochReminder": "Epoch reminder",
  "setup.kind.githubDraft": "Contribution draft from a merged PR",
  "setup.itemSeparator": ", ",
  "setup.roleWithId": "{name} (id {id})",
  "setup.permission.item": "{name} ({why})",
  "setup.permission.viewChannel.name": "View Channel",
  "setup.permission.viewChannel.why": "to see the channel",
  "setup.permission.sendMessages.name": "Send Messages",
  "setup.permission.sendMessages.why": "to post",
  "setup.permission.embedLinks.name": "Embed Links",
  "setup.permission.embedLinks.why": "posts are embeds",
  "setup.permission.readMessageHistory.name": "Read Message History",
  "setup.permission.readMessageHistory.why": "results and evaluations reply to their post",
  "setup.permission.attachFiles.name": "Attach Files",
  "setup.permission.attachFiles.why": "each approved payout's Safe batch file (SETTLEMENT_MODE=safe-export)",
  "setup.permission.mentionEveryone.name": "Mention Everyone",
  "setup.permission.mentionEveryone.why":
    "to notify the moderator role when it is not mentionable; Steward never pings @everyone or @here",
  "setup.channel.missing":
    "Channel #{value} ({setting}) does not exist in {guild}: create a text channel with that name, or set {setting} to an existing channel's name or id.",
  "setup.channel.lacks":
    "In #{channel} ({setting}) the bot lacks {missing}: allow {missingCount, plural, one {it} other {them}} for the bot's role in the channel's permissions (Edit Channel → Permissions).",
  "setup.channel.silent":
    'In #{channel} ({setting}) moderators are not notified: {silentCount, plural, one {the role} other {the roles}} {roles} (MODERATOR_ROLE) {silentCount, plural, one {is} other {are}} not mentionable and the bot lacks Mention Everyone there, so Discord shows the mention without pinging anyone. Allow Mention Everyone for the bot\'s role (Server Settings → Roles, or Edit Channel → Permissions; Steward never pings @everyone or @here), or turn on "Allow anyone to @mention this role" (Server Settings → Roles).',
  "setup.role.missing":
    "Role {value} ({setting}) does not exist in {guild}: create it (Server Settings → Roles), or set {setting} to an existing role's id.",
  "setup.role.sameNameKept":
    '{setting} "{value}" is the name of {roleCount} roles (ids {ids}): Steward keeps the one it resolved first (id {kept}) and gives the others no authority. Set {setting} to the right role\'s id, and delete or rename the other {others, plural, one {role} other {roles}} (Server Settings → Roles).',
  "setup.role.sameNameNone":
    '{setting} "{value}" is the name of {roleCount} roles (ids {ids}): Steward cannot tell which is meant, so nobody holds it for Steward. Set {setting} to the right role\'s id, and delete or rename the other {others, plural, one {role} other {roles}} (Server Settings → Roles).',
  "setup.publicBot":
    "Public Bot is on, so anyone can add the bot to their own server: turn it off in the Discord Developer Portal → your application → Bot → Public Bot (Steward serves only DISCORD_GUILD_ID).",
  "setup.membersIntentOff":
    "The Server Members intent is off, so votes cannot count the eligible members: enable it in the Discord Developer Portal → your application → Bot → Privileged Gateway Intents → Server Members Intent.",
  "setup.commands.stale":
    "Slash commands {commands} are missing or differ from this version of Steward: run `steward deploy-commands`.",
  "setup.commands.twice":
    "Slash commands {commands} are registered both in {guild} and globally, so members see each twice: run `steward deploy-commands` (it keeps one scope).",
  "setup.quorum.votes": "{voteCount, plural, one {# vote} other {# votes}}",
  "setup.quorum.weight": "weight {weight}",
  "setup.quorum.overShare":
    "QUORUM={spec} of {memberCount, number} {group, select, active {active members} voters {members with a voter role} other {members}}",
  "setup.quorum.whyTurnout":
    "the best of the last {closedCount, plural, one {# closed vote} other {# closed votes}} had {had}",
  "setup.quorum.whyActive": "only {activeCount, number} members are active (contributed, proposed or voted lately)",
  "setup.quorum.fixActive":
    "count it over the active members (QUORUM_OF=active: {needed} of {activeCount, number}), or lower QUORUM",
  "setup.quorum.fixLower": "lower QUORUM",
  "setup.quorum.outOfReach":
    "Quorum is out of reach of the people who take part: a vote opened now needs {needed} ({over}), but {why}, so votes would expire and nothing would be paid: {fix}.",
} as const;
