/** English: the source every other catalog translates. Keys start with "common.". */
export const common = {
  "common.discordFailedWhileAnswering":
    "{failure} while I was answering, so this reply may not say what happened: what you asked may already be done and saved. Check before trying again, so nothing is done twice. Incident id: `{incidentId}`.",
  "common.unexpectedError":
    "Something went wrong on our side and nothing was changed. If it keeps happening, give a moderator this incident id: `{incidentId}`.",
} as const;
