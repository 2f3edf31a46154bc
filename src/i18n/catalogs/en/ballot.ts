/** English: the source every other catalog translates. Keys start with "ballot.". */
export const ballot = {
  "ballot.for.button": "For",
  "ballot.against.button": "Against",
  "ballot.abstain.button": "Abstain",
  "ballot.approval.placeholder": "Approve any number of choices",
  "ballot.spreadPoints.button": "Spread your points",
  "ballot.rank.placeholder": "Pick your {position, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} choice",
  "ballot.points.placeholder": "Points for “{choice}”",
  "ballot.points.optionLabel": "{count, plural, one {# point} other {# points}}",
  "ballot.choiceNumber": "choice {n}",
  "ballot.noneOfTheChoices": "none of the choices",
  "ballot.choicePoints": "{choice}: {count, plural, one {# point} other {# points}}",
  "ballot.ranked": "{position, selectordinal, one {#st} two {#nd} few {#rd} other {#th}} {choice}",
  "ballot.unchanged":
    "You already voted **{vote}** on proposal #{id} (weight {weight}); nothing changed. You can change your vote until {until}.",
  "ballot.recorded":
    "Your vote on proposal #{id}: **{vote}**{replaced, select, yes { (it replaces your earlier vote: {previous})} other {}}, weight {weight}.{conflicted, select, yes { Your wallet receives a payout in this proposal, so the result is also shown without your vote.} other {}} The last vote counts: you can change it until {until}.",
  "ballot.rankingSoFar": "Ranking for proposal #{id} so far: {ranking}.",
  "ballot.spread":
    "Spread up to {max} points on each choice of proposal #{id}; your weight is split in proportion{quadratic, select, yes { (quadratic: each choice counts the square root of its part)} other {}}.{sofar}",
  "ballot.spreadSoFar": " So far: {given}.",
} as const;
