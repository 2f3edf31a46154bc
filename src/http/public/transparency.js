// The transparency page: plain JavaScript on /api/public. Routes by the URL hash: #/ (overview),
// #/proposal/<id> (a distribution, its vote and every payout line's reasons), #/evaluation/<id>.
// Its words come from the server in the page's language (the `web` catalog, in the #words block) and are formatted
// by format-message.js; numbers, amounts and dates follow the same language (<html lang>).

const main = document.getElementById("main");
const LANG = document.documentElement.lang || "en";
const WORDS = JSON.parse(document.getElementById("words")?.textContent || "{}");
let token = { symbol: "", decimals: 18 };
const COLOURS = ["#0b57d0", "#b3261e", "#146c2e", "#7c4dff", "#a05a00", "#00687a", "#8b1a6b", "#5f6368", "#3b6e00"];

/** A message of the page's language; values are HTML (escape text with esc before giving it). */
const t = (key, values) => (key in WORDS ? globalThis.formatMessage(WORDS[key], values, LANG) : key);
// A distribution's stored title is its English record, always "Epoch N reward distribution": said in the page's language.
const proposalTitle = (p) =>
  p.kind === "distribution" && typeof p.epoch === "number"
    ? t("web.distributionTitle", { epoch: String(p.epoch) })
    : p.title;

const esc = (s) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
const dateTime = new Intl.DateTimeFormat(LANG, { dateStyle: "medium", timeStyle: "short" });
const when = (iso) => (iso ? dateTime.format(new Date(iso)) : "—");
const number = (n, options) => new Intl.NumberFormat(LANG, options).format(n);
function amount(units) {
  if (units === null || units === undefined) return "—";
  const v = BigInt(units);
  const base = 10n ** BigInt(token.decimals);
  const sign = v < 0n ? "-" : "";
  const abs = v < 0n ? -v : v;
  const frac = (abs % base).toString().padStart(token.decimals, "0").slice(0, 4).replace(/0+$/, "");
  // A decimal string keeps every digit (Intl.NumberFormat v3): grouped and punctuated as the language writes it.
  const text = number(`${sign}${abs / base}${frac ? `.${frac}` : ""}`, { maximumFractionDigits: 4 });
  return `${text} ${esc(token.symbol)}`;
}
const pct = (r) => number(Math.floor(r * 1000) / 1000, { style: "percent", minimumFractionDigits: 1 });
const status = (s) => `<span class="status">${esc(t("web.status", { status: String(s) }).replace(/_/g, " "))}</span>`;
const category = (c) => esc(t("web.category", { category: String(c) }));

async function api(path) {
  const res = await fetch(`/api/public${path}`, { headers: { accept: "application/json" } });
  if (!res.ok) {
    const body = await res.json().catch(() => ({}));
    throw new Error(body.message || `${res.status} ${res.statusText}`);
  }
  return res.json();
}

function card(title, html, id) {
  return `<section class="card"${id ? ` aria-labelledby="${id}"` : ""}><h2${id ? ` id="${id}"` : ""}>${title}</h2>${html}</section>`;
}

const th = (key, cls) => `<th${cls ? ` class="${cls}"` : ""}>${t(key)}</th>`;

function chart(rows) {
  if (rows.length === 0) return `<p>${t("web.chart.none")}</p>`;
  const categories = [...new Set(rows.flatMap((r) => Object.keys(r.byCategory)))].sort();
  const totals = rows.map((r) => Object.values(r.byCategory).reduce((n, v) => n + BigInt(v), 0n));
  // biome-ignore lint/complexity/useMathMinMax: BigInt values, which Math.max does not take
  const max = totals.reduce((m, t) => (t > m ? t : m), 1n);
  const width = 640;
  const barH = 22;
  const gap = 8;
  const left = 80;
  const height = rows.length * (barH + gap) + 4;
  const bars = rows
    .map((r, i) => {
      let x = left;
      const y = i * (barH + gap);
      const parts = categories
        .map((c, ci) => {
          const v = BigInt(r.byCategory[c] ?? "0");
          const w = Number((v * BigInt(width - left - 8)) / max);
          const title = t("web.chart.bar", {
            epoch: String(r.epoch),
            category: category(c),
            amount: amount(v.toString()),
          });
          const rect = `<rect x="${x}" y="${y}" width="${w}" height="${barH}" fill="${COLOURS[ci % COLOURS.length]}"><title>${title}</title></rect>`;
          x += w;
          return rect;
        })
        .join("");
      return `<text x="0" y="${y + 16}" font-size="13">${t("web.chart.epoch", { epoch: String(r.epoch) })}</text>${parts}`;
    })
    .join("");
  const legend = categories
    .map((c, ci) => `<li><i style="background:${COLOURS[ci % COLOURS.length]}"></i>${category(c)}</li>`)
    .join("");
  const table = `<table><caption class="skip">${t("web.card.rewards")}</caption><thead><tr>${th("web.column.epoch")}${categories.map((c) => `<th class="num">${category(c)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${r.epoch}</td>${categories.map((c) => `<td class="num">${amount(r.byCategory[c] ?? "0")}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
  return `<svg role="img" aria-label="${esc(t("web.chart.label"))}" viewBox="0 0 ${width} ${height}" width="100%">${bars}</svg><ul class="legend">${legend}</ul><details><summary>${t("web.chart.asTable")}</summary>${table}</details>`;
}

function auditStatus(a) {
  const v = a.lastVerification;
  const anchored = a.anchors.find((x) => x.blockNumber !== null);
  const verified = v
    ? `<p class="${v.ok ? "ok" : "bad"}">${t(v.ok ? "web.audit.verified" : "web.audit.mismatches", { at: when(v.at) })}</p>${v.ok ? "" : `<ul>${v.mismatches.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`}`
    : `<p>${t("web.audit.notVerified")}</p>`;
  const anchor = anchored
    ? `<p>${t("web.audit.anchored", {
        block: String(anchored.blockNumber),
        chain: String(anchored.chainId),
        event: String(anchored.eventId),
        hash: esc(anchored.hash.slice(0, 16)),
        reason: esc(anchored.reason),
      })}</p>`
    : a.anchors[0]
      ? `<p>${t("web.audit.headRecorded", { event: String(a.anchors[0].eventId) })}</p>`
      : `<p>${t("web.audit.noAnchor")}</p>`;
  return `<p>${t("web.audit.events", { count: a.events })}</p>${verified}${anchor}`;
}

/** The blind jury's agreement with the model per epoch: rank correlation and mean difference, with the sample size. */
function juryTable(rows) {
  if (!rows || rows.length === 0) return `<p>${t("web.jury.none")}</p>`;
  const rho = (a) =>
    a.spearman === null ? "—" : number(a.spearman, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const diff = (a) =>
    a.meanDifference === null ? "—" : number(a.meanDifference, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  const criteria = rows[0].criteria.map((c) => c.criterion);
  const body = rows
    .map(
      (j) =>
        `<tr><td>${j.status === "open" ? t("web.jury.openEpoch", { epoch: String(j.epoch) }) : j.epoch}</td><td class="num">${t("web.jury.itemsOf", { items: String(j.items), sampled: String(j.sampled) })}</td><td class="num">${j.jurors}</td><td class="num">${rho(j.overall)}</td><td class="num">${diff(j.overall)}</td>${criteria
          .map((name) => {
            const c = j.criteria.find((x) => x.criterion === name);
            return `<td class="num hide-sm">${c ? `${rho(c)} / ${diff(c)}` : "—"}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  return `<p>${t("web.jury.intro")}</p><table><thead><tr>${th("web.column.epoch")}${th("web.column.itemsReviewed", "num")}${th("web.column.jurors", "num")}${th("web.column.spearman", "num")}${th("web.column.meanDifference", "num")}${criteria.map((c) => `<th class="num hide-sm">${esc(c)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The evaluation policy's versions: what each fixes, how much it evaluated, and how the jury agreed with it. */
function policyTable(rows) {
  if (!rows || rows.length === 0) return `<p>${t("web.policy.none")}</p>`;
  const rho = (value) => number(value, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  const body = rows
    .map((p) => {
      const c = p.content;
      const weights = c.rubric.criteria.map((x) => `${esc(x.name)} ${number(x.weight)}`).join(", ");
      const j = p.jury;
      const jury =
        j && j.overall.spearman !== null
          ? t("web.policy.jury", { rho: rho(j.overall.spearman), items: j.items, jurors: j.jurors })
          : j
            ? t("web.policy.notMeasurable", { items: j.items })
            : "—";
      const overTime = (p.byEpoch ?? [])
        .map((e) =>
          t("web.policy.epochAgreement", {
            epoch: String(e.epoch),
            rho: e.jury.overall.spearman === null ? t("web.notApplicable") : rho(e.jury.overall.spearman),
          }),
        )
        .join("; ");
      const adopted = p.adoptedBy
        ? `<br><small>${t("web.policy.adopted", { proposal: String(p.adoptedBy.proposalId), epoch: String(p.adoptedBy.effectiveFromEpoch) })}</small>`
        : "";
      const rubric = t("web.policy.rubric", {
        version: String(c.rubric.version),
        weights,
        cap: amount(c.caps.maxPerContribution),
      });
      return `<tr><td>v${p.version}${adopted}</td><td>${when(p.createdAt)}</td><td>${esc(c.evaluator.kind)} ${esc(c.evaluator.model)}${c.evaluator.promptVersion !== "none" ? ` · ${esc(c.evaluator.promptVersion)}` : ""}</td><td class="hide-sm">${rubric}</td><td class="num">${number(p.evaluations)}</td><td class="num">${jury}${overTime ? `<br><small>${overTime}</small>` : ""}</td></tr>`;
    })
    .join("");
  return `<p>${t("web.policy.intro")}</p><table><thead><tr>${th("web.column.version")}${th("web.column.since")}${th("web.column.evaluator")}${th("web.column.rubricAndCap", "hide-sm")}${th("web.column.evaluations", "num")}${th("web.column.juryAgreement", "num")}</tr></thead><tbody>${body}</tbody></table>`;
}

async function overview() {
  const [summary, proposals, payouts, nodes] = await Promise.all([
    api("/summary"),
    api("/proposals?limit=10"),
    api("/payouts?limit=10"),
    api("/nodes"),
  ]);
  token = summary.token;
  const open = summary.openEpoch
    ? `<p>${t("web.openEpoch.open", {
        number: String(summary.openEpoch.number),
        since: when(summary.openEpoch.startsAt),
        budget: amount(summary.openEpoch.budget),
        count: summary.openEpoch.contributions,
      })}</p>`
    : `<p>${t("web.openEpoch.none")}</p>`;
  const proposalRows = proposals.items
    .map((p) => {
      const tally = p.tally
        ? t("web.proposals.tally", { voters: p.tally.voters, quorum: p.tally.quorumMet })
        : t("web.proposals.noVotes");
      return `<tr><td><a href="#/proposal/${p.id}">#${p.id} ${esc(proposalTitle(p))}</a></td><td>${status(p.status)}</td><td class="hide-sm">${tally}</td><td class="num">${amount(p.total)}</td></tr>`;
    })
    .join("");
  const payoutRows = payouts.items
    .map(
      (i) =>
        `<tr><td><a href="#/proposal/${i.proposalId}">#${i.proposalId}</a> ${t("web.payouts.chunk", { chunk: String(i.chunk), chunks: String(i.chunks) })}</td><td>${status(i.status)}</td><td class="num">${amount(i.total)}</td><td class="hide-sm mono">${i.txHash ? (i.txUrl ? `<a href="${esc(i.txUrl)}">${esc(i.txHash.slice(0, 14))}…</a>` : `${esc(i.txHash.slice(0, 14))}…`) : "—"}</td></tr>`,
    )
    .join("");
  const nodeRows = nodes.items
    .map(
      (n) =>
        `<tr><td>#${n.id} ${esc(n.name)}</td><td class="hide-sm">${esc(n.provider)}</td><td>${n.gpu ? `${n.gpu.count} × ${esc(n.gpu.model)}` : t("web.nodes.cores", { count: n.cpuCores })}</td><td>${status(n.status)}</td><td class="num"><span class="bar"><span class="fill" style="width:${Math.round(n.uptime7d * 60)}px"></span>${pct(n.uptime7d)}</span></td></tr>`,
    )
    .join("");
  main.innerHTML = [
    `<div class="grid">${card(t("web.card.openEpoch"), open, "h-open")}${card(t("web.card.audit"), auditStatus(summary.audit), "h-audit")}</div>`,
    card(t("web.card.rewards"), chart(summary.rewardsByEpoch), "h-chart"),
    card(t("web.card.jury"), juryTable(summary.jury), "h-jury"),
    card(t("web.card.policies"), policyTable(summary.policies), "h-policies"),
    card(
      t("web.card.proposals"),
      proposalRows
        ? `<table><thead><tr>${th("web.column.proposal")}${th("web.column.status")}${th("web.column.vote", "hide-sm")}${th("web.column.pays", "num")}</tr></thead><tbody>${proposalRows}</tbody></table>`
        : `<p>${t("web.proposals.none")}</p>`,
      "h-proposals",
    ),
    card(
      t("web.card.payouts"),
      payoutRows
        ? `<p>${t("web.payouts.intro")}</p><table><thead><tr>${th("web.column.payout")}${th("web.column.status")}${th("web.column.total", "num")}${th("web.column.transaction", "hide-sm")}</tr></thead><tbody>${payoutRows}</tbody></table>`
        : `<p>${t("web.payouts.none")}</p>`,
      "h-payouts",
    ),
    card(
      t("web.card.nodes"),
      nodeRows
        ? `<table><thead><tr>${th("web.column.node")}${th("web.column.provider", "hide-sm")}${th("web.column.hardware")}${th("web.column.status")}${th("web.column.uptime", "num")}</tr></thead><tbody>${nodeRows}</tbody></table>`
        : `<p>${t("web.nodes.none")}</p>`,
      "h-nodes",
    ),
  ].join("");
}

/** Whether the blind jury sampled the contribution, and what it said (jurors are not named). */
function juryHtml(j) {
  if (!j) return "";
  const sampled =
    j.epoch !== null ? t("web.reason.jurySampledIn", { epoch: String(j.epoch) }) : t("web.reason.jurySampled");
  if (j.juryTotal === null) return ` · ${t("web.reason.juryNotReviewed", { sampled })}`;
  const one = (n) => number(n, { maximumFractionDigits: 1 });
  const scores = j.scores
    .map((s) => t("web.reason.juryScore", { criterion: esc(s.criterion), jury: one(s.jury ?? 0), model: one(s.model) }))
    .join(", ");
  return ` · ${t("web.reason.juryReviewed", { sampled, reviews: j.reviews, jury: String(j.juryTotal), model: String(j.modelTotal), scores })}`;
}

function reasonHtml(r) {
  if (r.kind === "contribution") {
    const e = r.evaluation;
    let evaluation = t("web.reason.noEvaluation");
    if (e) {
      const values = {
        link: `<a href="#/evaluation/${e.id}">${t("web.reason.evaluationLink", { id: String(e.id) })}</a>`,
        evaluator: `${esc(e.evaluator)}${e.model ? ` (${esc(e.model)})` : ""}`,
        total: String(e.total),
        flags: flagNames(e.flags),
      };
      const key = !e.flags.length
        ? "web.reason.evaluation"
        : e.cleared
          ? "web.reason.evaluationCleared"
          : "web.reason.evaluationFlagged";
      evaluation = t(key, values);
    }
    return `<li class="reason">${t("web.reason.contribution", {
      id: String(r.id),
      title: esc(r.title),
      category: category(r.category),
      author: esc(r.author),
      evaluation,
      jury: juryHtml(r.jury),
    })}</li>`;
  }
  if (r.kind === "uptime")
    return `<li class="reason">${t("web.reason.uptime", { node: String(r.nodeId), name: esc(r.node), hours: number(r.hours, { minimumFractionDigits: 2, maximumFractionDigits: 2 }), amount: amount(r.amount) })}</li>`;
  if (r.kind === "lease")
    return `<li class="reason">${t("web.reason.lease", { lease: String(r.leaseId), node: String(r.nodeId), name: esc(r.node), amount: amount(r.amount) })}</li>`;
  return `<li class="reason">${t("web.reason.carried")}</li>`;
}

async function proposalPage(id) {
  if (!token.symbol) token = (await api("/summary")).token;
  const { proposal: p, lines, note } = await api(`/proposals/${id}`);
  const r = p.result;
  let tally = `<p>${t("web.proposal.noTally")}</p>`;
  if (r) {
    const binding = r[r.binding];
    const conflicted = p.conflictedVoters
      ? ` ${t(r.binding === "withoutConflicted" ? "web.proposal.conflictedExcluded" : "web.proposal.conflicted", { count: p.conflictedVoters })}`
      : "";
    tally = `<table><thead><tr>${th("web.column.choice")}${th("web.column.weight", "num")}</tr></thead><tbody>${p.choices
      .map((c, i) => `<tr><td>${esc(c)}</td><td class="num">${binding.scores[i] ?? 0}</td></tr>`)
      .join("")}</tbody></table><p>${t("web.proposal.tally", {
      voters: binding.voters,
      quorum: String(p.quorumWeight),
      eligible: String(p.eligibleWeight),
      reached: binding.quorumMet,
    })}${conflicted}</p>`;
  }
  const chunks = p.chunks
    .map(
      (c) =>
        `<li>${t("web.proposal.chunk", { index: String(c.index + 1), count: String(c.count), status: status(c.status) })} ${c.txHash ? `<code>${esc(c.txHash)}</code>${c.blockNumber ? ` ${t("web.proposal.inBlock", { block: String(c.blockNumber) })}` : ""}` : ""}</li>`,
    )
    .join("");
  const lineRows = lines
    .map(
      (l) =>
        `<tr><td class="mono">${esc(l.recipient)}</td><td class="num">${amount(l.amount)}</td><td><ul>${l.reasons.map(reasonHtml).join("")}</ul></td></tr>`,
    )
    .join("");
  const summary = [
    t("web.proposal.summary", { status: status(p.status), kind: esc(t("web.proposalKind", { kind: String(p.kind) })) }),
    ...(p.epoch ? [t("web.proposal.epoch", { epoch: String(p.epoch) })] : []),
    t("web.proposal.author", { author: esc(p.author) }),
  ].join(" · ");
  const head = p.anchor
    ? `<p>${t(p.anchor.blockNumber ? "web.proposal.auditHeadAnchored" : "web.proposal.auditHead", {
        event: String(p.anchor.eventId),
        hash: esc(p.anchor.hash.slice(0, 16)),
        block: String(p.anchor.blockNumber ?? ""),
      })}</p>`
    : "";
  const approvals = p.approvalsRequired
    ? t("web.proposal.approvalsOf", { count: String(p.approvals.length), required: String(p.approvalsRequired) })
    : String(p.approvals.length);
  main.innerHTML = [
    `<p><a href="#/">${t("web.page.overviewLink")}</a></p>`,
    card(
      t("web.proposal.heading", { id: String(p.id), title: esc(proposalTitle(p)) }),
      `<p>${summary}</p><p>${t("web.proposal.batchHash", { hash: esc(p.batchHash ?? t("web.proposal.noBatchHash")) })}</p>${head}${note ? `<p><em>${esc(note)}</em></p>` : ""}`,
      "h-proposal",
    ),
    `<div class="grid">${card(t("web.card.vote"), tally, "h-vote")}${card(t("web.card.approvals"), `<p>${approvals}</p><ul>${p.approvals.map((a) => `<li>${esc(a.by)} — ${when(a.at)}</li>`).join("")}</ul>${chunks ? `<h3>${t("web.card.transactions")}</h3><ul>${chunks}</ul>` : ""}`, "h-approvals")}</div>`,
    card(
      t("web.proposal.lines", { count: String(lines.length) }),
      lineRows
        ? `<table><thead><tr>${th("web.column.recipient")}${th("web.column.amount", "num")}${th("web.column.why")}</tr></thead><tbody>${lineRows}</tbody></table>`
        : `<p>${t("web.proposal.noLines")}</p>`,
      "h-lines",
    ),
  ].join("");
}

/**
 * An `explain.*` message: plain text (Discord's views word an evaluation's reasons with the same messages), values
 * given raw; whoever puts the result in the page escapes it whole.
 */
const text = (key, values) => (key in WORDS ? globalThis.formatMessage(WORDS[key], values, LANG) : key);
const list = (items) => new Intl.ListFormat(LANG, { type: "conjunction" }).format(items);
const evidenceName = (evidence) => text("explain.evidenceName", { evidence });
const categoryText = (c) => text("web.category", { category: String(c) });
const criterionName = (c) => text("evaluation.criterion", { criterion: String(c) });
/** An evaluation's flags named in the page's language, escaped. */
const flagNames = (flags) => esc(list(flags.map((f) => text("evaluation.flag", { flag: String(f) }))));

/** One of the rubric evaluator's facts in the page's language, as src/discord/views/explanationViews.ts words it. */
function factText(f) {
  const separator = text("explain.separator");
  switch (f.kind) {
    case "links":
      return f.kinds.length > 0
        ? text("explain.linksWithKinds", {
            count: f.count,
            kinds: list(f.kinds.map((kind) => text("explain.linkKind", { kind }))),
          })
        : text("explain.links", { count: f.count });
    case "github": {
      const parts = [
        f.approvers.length > 0
          ? text("explain.github.approved", { merged: f.merged, approvers: list(f.approvers.map((a) => `@${a}`)) })
          : text(f.mergedByOther ? "explain.github.mergedByOther" : "explain.github.noReview", { merged: f.merged }),
      ];
      if (f.selfMerged > 0) parts.push(text("explain.github.selfMerged", { count: f.selfMerged }));
      if (f.reverted > 0) parts.push(text("explain.github.reverted", { count: f.reverted }));
      if (f.trivial) parts.push(text("explain.github.trivial"));
      return parts.join(separator);
    }
    case "refused":
      return text("explain.refused", { count: f.count });
    case "duplicate":
      return text("explain.duplicate");
    case "length": {
      const chars = text("explain.length", { chars: f.chars, language: f.language });
      // As the stored reason says it: under the target, however close the credit rounds to 100 %.
      return f.chars < f.target
        ? `${chars}${text("explain.comma")}${text("explain.lengthShort", { target: f.target, percent: number(f.percent / 100, { style: "percent" }) })}`
        : chars;
    }
    case "verifiedLines": {
      const lines = text("explain.verifiedLines", { lines: f.lines });
      return f.apart > 0 ? `${lines}${separator}${text("explain.verifiedApart", { apart: f.apart })}` : lines;
    }
    case "fromEvidence":
      return text("explain.fromEvidence");
    case "hours":
      return text(f.unbacked ? "explain.hoursUnbacked" : "explain.hours", { hours: f.hours });
    case "track":
      return text("explain.track", { category: categoryText(f.category), earlier: f.earlier });
    case "unmeasured":
      return text("explain.unmeasured");
    case "evidence": {
      // What is missing, else what was found: the expected evidence card lists each piece, found or not.
      const category = categoryText(f.category);
      if (f.missing.length > 0)
        return text("explain.evidenceMissing", { category, list: list(f.missing.map(evidenceName)) });
      return f.present.length > 0
        ? text("explain.evidenceFound", { category, list: list(f.present.map(evidenceName)) })
        : "";
    }
    default:
      return "";
  }
}

function rationaleLine(f) {
  switch (f.kind) {
    case "similar":
      return text("explain.rationale.similar", {
        percent: number(f.percent / 100, { style: "percent" }),
        id: String(f.contributionId),
      });
    case "claimed":
      return text("explain.rationale.claimed", { ids: list(f.contributionIds.map((id) => `#${id}`)) });
    case "injection":
      return text("explain.rationale.injection", { signals: f.signals.join(", ") });
    case "stuffed":
      return text("explain.rationale.stuffed");
    case "lowEvidence":
      return text("explain.rationale.lowEvidence");
    default:
      return "";
  }
}

/**
 * A criterion's reason (HTML): from the rubric evaluator's facts in the page's language when stored; else the stored
 * text, as an older evaluation or the model wrote it.
 */
function reasonOf(e, s) {
  const facts = e.explanation?.criteria?.find((c) => c.criterion === s.criterion)?.facts;
  if (!facts) return esc(s.reason ?? "");
  return esc(facts.map(factText).filter(Boolean).join(text("explain.separator")));
}

function rationaleOf(e) {
  const facts = e.explanation?.rationale;
  if (!facts) return esc(e.rationale);
  return esc(
    [
      text("explain.rationale.intro"),
      ...facts.map(rationaleLine).filter(Boolean),
      ...(e.explanation.fellBack ? [text("explain.rationale.fallback")] : []),
    ].join(" "),
  );
}

/** The evidence the contribution's category is judged by, each found or missing; "" when none is listed. */
function expectedEvidence(e) {
  const x = e.explanation;
  if (!x || x.evidence.length === 0) return "";
  const items = x.evidence
    .map(
      (c) =>
        `<li class="${c.present ? "ok" : "bad"}"><span aria-hidden="true">${c.present ? "✓" : "✗"}</span> <span class="skip">${t(c.present ? "web.evaluation.evidenceFound" : "web.evaluation.evidenceMissing")}</span> ${esc(c.description ?? evidenceName(c.evidence))}</li>`,
    )
    .join("");
  return card(
    esc(text("explain.expected.fieldName", { category: categoryText(x.category) })),
    `<ul class="expected">${items}</ul>`,
    "h-expected",
  );
}

async function evaluationPage(id) {
  const e = await api(`/evaluations/${id}`);
  const c = e.contribution;
  const flags = e.flags.length
    ? `<p class="bad">${t(e.cleared ? "web.evaluation.flagsCleared" : "web.evaluation.flags", { flags: flagNames(e.flags) })}</p>`
    : "";
  main.innerHTML = [
    `<p><a href="#/">${t("web.page.overviewLink")}</a></p>`,
    card(
      t("web.evaluation.heading", { id: String(e.id), contribution: String(c.id), title: esc(c.title) }),
      `<p>${t("web.evaluation.summary", { category: category(c.category), author: esc(c.author), at: when(c.submittedAt), status: status(c.status) })}</p>
       <p>${t("web.evaluation.evaluator", {
         evaluator: `${esc(e.evaluator)}${e.model ? ` (${esc(e.model)})` : ""}`,
         rubric: String(e.rubricVersion),
         samples: e.samples,
         prompt: esc(e.promptVersion),
         sha: esc(e.promptSha256),
       })}</p>
       <p>${t("web.evaluation.total", {
         total: String(e.total),
         confidence: number(Math.round(e.confidence * 100) / 100, { style: "percent" }),
         reward: amount(e.suggestedReward),
         active: Boolean(e.active),
       })}</p>
       ${flags}`,
      "h-eval",
    ),
    card(
      t("web.card.scores"),
      `<table><thead><tr>${th("web.column.criterion")}${th("web.column.score", "num")}${th("web.column.weight", "num")}${th("web.column.reason")}</tr></thead><tbody>${e.scores
        .map(
          (s) =>
            `<tr><td>${esc(criterionName(s.criterion))}</td><td class="num">${number(s.score)}/10</td><td class="num">${number(s.weight)}</td><td>${reasonOf(e, s)}</td></tr>`,
        )
        .join("")}</tbody></table><p>${rationaleOf(e)}</p>`,
      "h-scores",
    ),
    expectedEvidence(e),
    card(
      t("web.card.evidence"),
      e.evidence.length
        ? e.evidence.map((q) => `<blockquote class="quote">${esc(q)}</blockquote>`).join("")
        : `<p>${t("web.none")}</p>`,
      "h-evidence",
    ),
  ].join("");
}

async function route() {
  const [, kind, id] = location.hash.split("/");
  main.innerHTML = `<p class="loading">${t("web.page.loading")}</p>`;
  try {
    if (kind === "proposal" && id) await proposalPage(Number(id));
    else if (kind === "evaluation" && id) await evaluationPage(Number(id));
    else await overview();
    const heading = main.querySelector("h2")?.textContent;
    document.title = heading ? `Steward — ${heading}` : t("web.page.title");
    if (kind) main.focus();
  } catch (error) {
    main.innerHTML = `<p class="bad" role="alert">${t("web.page.loadFailed", { message: esc(error.message) })}</p><p><a href="#/">${t("web.page.backToOverview")}</a></p>`;
  }
}

// The language links keep the page the reader is on (the server reads ?lang=, the hash stays in the browser).
for (const link of document.querySelectorAll("a[hreflang]")) {
  link.addEventListener("click", () => {
    link.hash = location.hash;
  });
}

window.addEventListener("hashchange", route);
route();
