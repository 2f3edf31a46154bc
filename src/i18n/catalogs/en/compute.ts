/** English: the source every other catalog translates. Keys start with "compute.". */
export const compute = {
  // Pieces several messages share.
  "compute.separator": ", ",
  "compute.none": "none",
  "compute.percent": "{value} %",
  "compute.nodeStatus":
    "{status, select, pending {pending} online {online} offline {offline} retired {retired} other {{status}}}",
  "compute.leaseStatus":
    "{status, select, awaiting_approval {awaiting approval} offered {offered} declined {declined} active {active} ended {ended} other {{status}}}",
  "compute.perHour": "{price} per {unit, select, gpu {GPU-hour} other {CPU-hour}}",
  "compute.hardware": "{gpu}, {coreCount, plural, one {{cores} core} other {{cores} cores}}, {ramGb} GB RAM",
  "compute.hardware.gpu": "{gpuCount} × {model} ({vramGb} GB)",
  "compute.hardware.noGpu": "no GPU",
  "compute.leaseTerms": "{gpuCount} GPU × {hours} h on node #{nodeId} **{nodeName}** at {price} per GPU-hour",

  // /node list
  "compute.nodeLine":
    "{icon} **#{nodeId}** {name} · {hardware} · {region} · {price}/{unit, select, gpu {GPU-h} other {CPU-h}} · <@{providerId}>",
  "compute.nodeList.embedTitle": "{scope, select, mine {Your nodes} other {All nodes}}",
  "compute.nodeList.filtered.embedTitle": "{scope, select, mine {Your nodes} other {All nodes}} ({filters})",
  "compute.nodeList.filter.gpu": "GPU {gpu}",
  "compute.nodeList.filter.region": "region {region}",
  "compute.nodeList.emptyMine":
    "You have no nodes here yet. Run `steward node-agent` on the machine, then `/node register`.",
  "compute.nodeList.emptyAll": "No nodes match.",
  "compute.nodeList.footer": "Page {page} of {pages} · {total} in total",

  // /node show
  "compute.node.embedTitle": "{icon} Node #{nodeId} · {name}",
  "compute.node.provider.fieldName": "Provider",
  "compute.node.status.fieldName": "Status",
  "compute.node.price.fieldName": "Price",
  "compute.node.declared.fieldName": "Declared",
  "compute.node.reported.fieldName": "Reported",
  "compute.node.proven.fieldName": "Proven",
  "compute.node.uptime.fieldName": "Uptime",
  "compute.node.flags.fieldName": "Flags",
  "compute.node.leases.fieldName": "Leases",
  "compute.node.earned.fieldName": "Earned",
  "compute.node.key.fieldName": "Key",
  "compute.node.lastSeen": "{status}, last seen {seen}",
  "compute.node.price": "{perHour} · {region}",
  "compute.node.reported":
    "{gpus}, {coreCount, plural, one {{cores} core} other {{cores} cores}}, {ramGb} GB RAM, {os}",
  "compute.node.reportedGpu": "{name} ({gb} GB)",
  "compute.node.reportedNothing": "nothing yet (no heartbeat)",
  "compute.node.lease": "#{leaseId} {status} · {gpuCount} GPU × {hours} h at {price}",
  "compute.node.leaseEnds": "#{leaseId} {status} · {gpuCount} GPU × {hours} h at {price} · ends {endsAt}",
  "compute.node.flagged": "⚠️ {shortfall} (reward capped at the reported capacity)",
  "compute.node.earned": "{amount} in epoch distributions",
  "compute.node.shortfallNote":
    "⚠️ Your node's last heartbeat reports less than you declared: {shortfall}. Its reward is capped at what it reports; fix the machine or `/node update` what you offer.",
  "compute.node.notChallenged": "not challenged yet: its capacity earns the CPU rate until it passes a challenge",
  "compute.node.challengePassed": "✅ challenge #{challengeId} {issuedAt} passed: {laneCount} lane(s) in {seconds} s",
  "compute.node.challengeFailed":
    "❌ challenge #{challengeId} {issuedAt} failed ({failure, select, late {answered after the deadline} unanswered {not answered} wrong_lane {a sampled lane was wrong} wrong_lane_count {the wrong number of lanes} other {{failure}}}): its capacity earns the CPU rate until it passes one",
  "compute.uptime.sinceRegistration": "since registration {registeredAt}: {percent}",
  "compute.uptime.day": "24 h: {percent}",
  "compute.uptime.week": "7 days: {percent}",
  "compute.uptime.epoch": "epoch {epochNumber}: {percent}",
  "compute.uptime.explained":
    "{windows}\n(the share of each window, counted from registration, that signed heartbeats cover)",

  // /node register, update, retire
  "compute.register.reply":
    "Node **#{nodeId}** is registered and pending until its first heartbeat. On the machine, keep the agent running with the key it created (add `--key <file>` if you gave it one):\n`npm run steward -- node-agent --api {api} --node {nodeId}`\n(in a clone of Steward; where Steward is installed as a package: `steward node-agent …`). It turns online with the first signed heartbeat; `/node show id:{nodeId}` follows it.",
  "compute.register.noApiUrl": "<Steward's HTTP URL>",
  "compute.update.reply":
    "Node **#{nodeId}** now offers {perHour} in {region}. Leases already agreed keep their price.",
  "compute.retire.reply":
    "Node **#{nodeId}** is retired: its heartbeats are refused from now on and its active leases ended (paid for what was delivered). Its key can serve a new node.",

  // /compute request, leases, end; the lease buttons
  "compute.matches.header":
    "Compute request **#{requestId}**: the best fitting online offers (score out of 100: uptime, price under your maximum, region, verified specs). Choose one to ask its provider.",
  "compute.matches.line": "{position}. **node #{nodeId} {name}** · score {score} · {reasons}",
  "compute.reason.uptime": "{percent} uptime over 7 days",
  "compute.reason.price": "{price} per GPU-hour (your maximum: {maxPrice})",
  "compute.reason.regionAsked": "{region} (the region you asked)",
  "compute.reason.regionNotAsked": "{region} (not {asked})",
  "compute.reason.flagged": "flagged: {shortfall}",
  "compute.reason.specsMatch": "reported specs match the declared ones",
  "compute.matches.agent": "**The agent:** {explanation}",
  "compute.choose.button": "Choose node #{nodeId}",
  "compute.lease.approve.button": "Approve lease",
  "compute.lease.accept.button": "Accept",
  "compute.lease.decline.button": "Decline",
  "compute.choose.awaitingApproval":
    "Lease **#{leaseId}**: {terms}. A moderator approves leases of this size first; the provider is asked right after.",
  "compute.choose.asked": "Lease **#{leaseId}**: {terms}. <@{providerId}> was asked in #{channel}.",
  "compute.choose.already": "You already chose for request #{requestId}: lease **#{leaseId}** ({status}).",
  "compute.lease.approved": "Lease **#{leaseId}** ({terms}) was approved by <@{actorId}>.",
  "compute.lease.accepted":
    "✅ Lease **#{leaseId}** accepted by <@{actorId}>: {terms}, from {from} until {until}. <@{requesterId}>, your compute is ready.",
  "compute.lease.declined":
    "Lease **#{leaseId}** was declined by <@{actorId}>. <@{requesterId}>, ask again with `/compute request` for other offers.",
  "compute.leases.none": "You have no leases. Ask for compute with `/compute request`.",
  "compute.leases.line":
    "**#{leaseId}** {status} · {role, select, requester {you lease} other {<@{requesterId}> leases}} {terms} {when} · “{purpose}”",
  "compute.leases.ended": "ended {at}",
  "compute.leases.ends": "ends {at}",
  "compute.end.reply": "Lease **#{leaseId}** ended. It is paid pro rata at the epoch's close.",

  // Notices in the compute channel (the guild's language)
  "compute.notice.nodeRegistered":
    "🖥️ <@{providerId}> registered node **#{nodeId} {name}**: {hardware}, {region}, {perHour}. Pending until its agent's first heartbeat.",
  "compute.notice.nodeRetired": "⚫ <@{actorId}> retired node **#{nodeId} {name}**.",
  "compute.notice.nodeOffline": "🔴 Node #{nodeId} **{name}** is offline: no heartbeat since {since}.",
  "compute.notice.nodeOnline": "🟢 Node #{nodeId} **{name}** is online.",
  "compute.notice.nodeOnlineFirst": "🟢 Node #{nodeId} **{name}** is online (its first heartbeat).",
  "compute.notice.nodeShortfall":
    "⚠️ Node #{nodeId}'s reported specs fall short of what was declared: {shortfall}. Its reward is capped at the capacity it reports until that changes.",
  "compute.notice.leaseAwaitingApproval":
    "Lease **#{leaseId}** waits for a moderator's approval before <@{providerId}> is asked: <@{requesterId}> wants {terms} for “{purpose}”.",
  "compute.notice.leaseOffered":
    "<@{providerId}>, <@{requesterId}> asks for {terms} for “{purpose}”. Accept to start lease **#{leaseId}** now; it is paid for the time your node is online during it.",
  "compute.notice.leaseEndedEarly":
    "Lease **#{leaseId}** was ended early by <@{actorId}>; it is paid for what the node delivered until now. <@{otherId}>",
  "compute.notice.leaseEnded":
    "Lease #{leaseId} on node #{nodeId} ended: {delivered} of {agreed} GPU-hours delivered, {amount} for <@{providerId}> at the epoch's close. <@{requesterId}>",
  "compute.notice.leaseNodeOffline":
    "⚠️ <@{requesterId}>, <@{providerId}>: node #{nodeId} **{nodeName}** has been offline since {since}, during lease #{leaseId} (paid only for the time it was online).",
  "compute.notice.noFailover":
    "No other online offer fits the remaining {hours} h now; the lease continues if the node comes back.",
  "compute.notice.failover":
    "To continue the remaining {hours} h, the next best online {offerCount, plural, one {offer is} other {offers are}}: {offers}. Choosing one ends lease #{leaseId} once its provider accepts.",
  "compute.notice.failoverOffer": "node #{nodeId} **{name}** (score {score}: {reasons})",
  "compute.notice.offerSeparator": "; ",
  "compute.note.leaseNeedsApproval":
    "Lease #{leaseId} ({terms}) costs more than LEASE_APPROVAL_ABOVE: approve it in #{channel}.",
  "compute.shortfall.noGpu": "reports no GPU, {declared} × {model} declared",
  "compute.shortfall.otherGpu": "reports {reported}, not the declared {model}",
  "compute.shortfall.gpuCount": "reports {reported} × {model}, {declared} declared",
  "compute.shortfall.vram": "reports {reportedGb} GB of VRAM per GPU, {declaredGb} GB declared",
  "compute.shortfall.cpuCores": "reports {reported} CPU cores, {declared} declared",
  "compute.shortfall.ram": "reports {reportedGb} GB of RAM, {declaredGb} GB declared",
  "compute.shortfall.separator": "; ",
  "compute.miss.offline": "offline",
  "compute.miss.retired": "retired",
  "compute.miss.gpuModel": "{offered}, not {wanted}",
  "compute.miss.noGpu": "no GPU, not {wanted}",
  "compute.miss.vram": "{vramGb} GB of VRAM per GPU, under {minVramGb}",
  "compute.miss.freeGpus": "{free, plural, one {# free GPU} other {# free GPUs}}, {wanted} wanted",
  "compute.miss.price": "{price} per GPU-hour, above {maxPrice}",
  "compute.miss.separator": ", ",
  "compute.miss.nearest": "node #{nodeId} {name}: {misses}",
} as const;
