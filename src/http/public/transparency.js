// The transparency page: plain JavaScript on /api/public. Routes by the URL hash: #/ (overview),
// #/proposal/<id> (a distribution, its vote and every payout line's reasons), #/evaluation/<id>.

const main = document.getElementById("main");
let token = { symbol: "", decimals: 18 };
const COLOURS = ["#0b57d0", "#b3261e", "#146c2e", "#7c4dff", "#a05a00", "#00687a", "#8b1a6b", "#5f6368", "#3b6e00"];

const esc = (s) =>
  String(s ?? "").replace(
    /[&<>"']/g,
    (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c],
  );
const when = (iso) => (iso ? new Date(iso).toLocaleString() : "—");
function amount(units) {
  if (units === null || units === undefined) return "—";
  const v = BigInt(units);
  const base = 10n ** BigInt(token.decimals);
  const whole = v / base;
  const frac = (v % base).toString().padStart(token.decimals, "0").slice(0, 4).replace(/0+$/, "");
  return `${whole.toLocaleString()}${frac ? `.${frac}` : ""} ${esc(token.symbol)}`;
}
const pct = (r) => `${(Math.floor(r * 1000) / 10).toFixed(1)} %`;
const status = (s) => `<span class="status">${esc(String(s).replace(/_/g, " "))}</span>`;

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

function chart(rows) {
  if (rows.length === 0) return "<p>No epoch has closed yet.</p>";
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
          const rect = `<rect x="${x}" y="${y}" width="${w}" height="${barH}" fill="${COLOURS[ci % COLOURS.length]}"><title>Epoch ${r.epoch}, ${esc(c)}: ${amount(v.toString())}</title></rect>`;
          x += w;
          return rect;
        })
        .join("");
      return `<text x="0" y="${y + 16}" font-size="13">Epoch ${r.epoch}</text>${parts}`;
    })
    .join("");
  const legend = categories
    .map((c, ci) => `<li><i style="background:${COLOURS[ci % COLOURS.length]}"></i>${esc(c)}</li>`)
    .join("");
  const table = `<table><caption class="skip">Rewards per epoch and category</caption><thead><tr><th>Epoch</th>${categories.map((c) => `<th class="num">${esc(c)}</th>`).join("")}</tr></thead><tbody>${rows
    .map(
      (r) =>
        `<tr><td>${r.epoch}</td>${categories.map((c) => `<td class="num">${amount(r.byCategory[c] ?? "0")}</td>`).join("")}</tr>`,
    )
    .join("")}</tbody></table>`;
  return `<svg role="img" aria-label="Rewards per epoch, stacked by category" viewBox="0 0 ${width} ${height}" width="100%">${bars}</svg><ul class="legend">${legend}</ul><details><summary>As a table</summary>${table}</details>`;
}

function auditStatus(a) {
  const v = a.lastVerification;
  const anchored = a.anchors.find((x) => x.blockNumber !== null);
  const verified = v
    ? `<p class="${v.ok ? "ok" : "bad"}">${v.ok ? "Chain verified" : "Verification found mismatches"} at ${when(v.at)}.</p>${v.ok ? "" : `<ul>${v.mismatches.map((m) => `<li>${esc(m)}</li>`).join("")}</ul>`}`
    : "<p>Not verified yet (the verify-audit job runs hourly; operators: <code>steward audit verify</code>).</p>";
  const anchor = anchored
    ? `<p>Anchored at block ${anchored.blockNumber} on chain ${anchored.chainId}: event #${anchored.eventId} <code>${esc(anchored.hash.slice(0, 16))}…</code> (${esc(anchored.reason)}).</p>`
    : a.anchors[0]
      ? `<p>Head recorded (event #${a.anchors[0].eventId}), not on chain yet.</p>`
      : "<p>No anchor published yet.</p>";
  return `<p>${a.events.toLocaleString()} events in the audit log.</p>${verified}${anchor}`;
}

/** The blind jury's agreement with the model per epoch: rank correlation and mean difference, with the sample size. */
function juryTable(rows) {
  if (!rows || rows.length === 0) return "<p>No epoch has drawn a jury sample yet.</p>";
  const rho = (a) => (a.spearman === null ? "—" : a.spearman.toFixed(2));
  const diff = (a) => (a.meanDifference === null ? "—" : a.meanDifference.toFixed(1));
  const criteria = rows[0].criteria.map((c) => c.criterion);
  const body = rows
    .map(
      (j) =>
        `<tr><td>${j.epoch}${j.status === "open" ? " (open)" : ""}</td><td class="num">${j.items} of ${j.sampled}</td><td class="num">${j.jurors}</td><td class="num">${rho(j.overall)}</td><td class="num">${diff(j.overall)}</td>${criteria
          .map((name) => {
            const c = j.criteria.find((x) => x.criterion === name);
            return `<td class="num hide-sm">${c ? `${rho(c)} / ${diff(c)}` : "—"}</td>`;
          })
          .join("")}</tr>`,
    )
    .join("");
  return `<p>Each epoch jurors score a random sample blind, on the same rubric. Spearman's rank correlation (1: same order) and the mean difference in points of 10 between the model's and the jurors' scores.</p><table><thead><tr><th>Epoch</th><th class="num">Items reviewed</th><th class="num">Jurors</th><th class="num">Spearman</th><th class="num">Mean difference</th>${criteria.map((c) => `<th class="num hide-sm">${esc(c)}</th>`).join("")}</tr></thead><tbody>${body}</tbody></table>`;
}

/** The evaluation policy's versions: what each fixes, how much it evaluated, and how the jury agreed with it. */
function policyTable(rows) {
  if (!rows || rows.length === 0) return "<p>No evaluation has been made yet.</p>";
  const body = rows
    .map((p) => {
      const c = p.content;
      const weights = c.rubric.criteria.map((x) => `${esc(x.name)} ${x.weight}`).join(", ");
      const j = p.jury;
      const jury =
        j && j.overall.spearman !== null
          ? `${j.overall.spearman.toFixed(2)} (${j.items} item(s), ${j.jurors} juror(s))`
          : j
            ? `not measurable (${j.items} item(s))`
            : "—";
      const overTime = (p.byEpoch ?? [])
        .map(
          (e) => `epoch ${e.epoch}: ${e.jury.overall.spearman === null ? "n/a" : e.jury.overall.spearman.toFixed(2)}`,
        )
        .join("; ");
      const adopted = p.adoptedBy
        ? `<br><small>adopted by proposal #${p.adoptedBy.proposalId}, from epoch ${p.adoptedBy.effectiveFromEpoch}</small>`
        : "";
      return `<tr><td>v${p.version}${adopted}</td><td>${when(p.createdAt)}</td><td>${esc(c.evaluator.kind)} ${esc(c.evaluator.model)}${c.evaluator.promptVersion !== "none" ? ` · ${esc(c.evaluator.promptVersion)}` : ""}</td><td class="hide-sm">rubric v${c.rubric.version}: ${weights}; cap ${amount(c.caps.maxPerContribution)}</td><td class="num">${p.evaluations}</td><td class="num">${jury}${overTime ? `<br><small>${overTime}</small>` : ""}</td></tr>`;
    })
    .join("");
  return `<p>The rubric, caps, model and prompt that scored contributions, newest first, and the blind jury's agreement (Spearman) with the evaluations each made, overall and epoch by epoch. A version adopted by a members' vote (<code>/policy propose</code>) names its proposal and the first epoch it governed. <code>sha256</code> of each version's content is in the audit log (<code>policy.recorded</code>, <code>policy.adopted</code>).</p><table><thead><tr><th>Version</th><th>Since</th><th>Evaluator</th><th class="hide-sm">Rubric and cap</th><th class="num">Evaluations</th><th class="num">Jury agreement</th></tr></thead><tbody>${body}</tbody></table>`;
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
    ? `<p>Epoch <strong>${summary.openEpoch.number}</strong> is open since ${when(summary.openEpoch.startsAt)}: budget ${amount(summary.openEpoch.budget)}, ${summary.openEpoch.contributions} contribution(s) waiting for its close.</p>`
    : "<p>No epoch is open.</p>";
  const proposalRows = proposals.items
    .map((p) => {
      const t = p.tally;
      const tally = t ? `${t.voters} voter(s), ${t.quorumMet ? "quorum reached" : "no quorum"}` : "no votes yet";
      return `<tr><td><a href="#/proposal/${p.id}">#${p.id} ${esc(p.title)}</a></td><td>${status(p.status)}</td><td class="hide-sm">${tally}</td><td class="num">${amount(p.total)}</td></tr>`;
    })
    .join("");
  const payoutRows = payouts.items
    .map(
      (i) =>
        `<tr><td><a href="#/proposal/${i.proposalId}">#${i.proposalId}</a> chunk ${i.chunk}/${i.chunks}</td><td>${status(i.status)}</td><td class="num">${amount(i.total)}</td><td class="hide-sm mono">${i.txHash ? (i.txUrl ? `<a href="${esc(i.txUrl)}">${esc(i.txHash.slice(0, 14))}…</a>` : `${esc(i.txHash.slice(0, 14))}…`) : "—"}</td></tr>`,
    )
    .join("");
  const nodeRows = nodes.items
    .map(
      (n) =>
        `<tr><td>#${n.id} ${esc(n.name)}</td><td class="hide-sm">${esc(n.provider)}</td><td>${n.gpu ? `${n.gpu.count} × ${esc(n.gpu.model)}` : `${n.cpuCores} cores`}</td><td>${status(n.status)}</td><td class="num"><span class="bar"><span class="fill" style="width:${Math.round(n.uptime7d * 60)}px"></span>${pct(n.uptime7d)}</span></td></tr>`,
    )
    .join("");
  main.innerHTML = [
    `<div class="grid">${card("Open epoch", open, "h-open")}${card("Audit status", auditStatus(summary.audit), "h-audit")}</div>`,
    card("Rewards per epoch and category", chart(summary.rewardsByEpoch), "h-chart"),
    card("Blind jury: agreement with the model", juryTable(summary.jury), "h-jury"),
    card("Evaluation policy versions", policyTable(summary.policies), "h-policies"),
    card(
      "Proposals",
      proposalRows
        ? `<table><thead><tr><th>Proposal</th><th>Status</th><th class="hide-sm">Vote</th><th class="num">Pays</th></tr></thead><tbody>${proposalRows}</tbody></table>`
        : "<p>No proposal yet.</p>",
      "h-proposals",
    ),
    card(
      "Payouts",
      payoutRows
        ? `<p>Each payout opens its proposal: every line there links to the evaluation behind it.</p><table><thead><tr><th>Payout</th><th>Status</th><th class="num">Total</th><th class="hide-sm">Transaction</th></tr></thead><tbody>${payoutRows}</tbody></table>`
        : "<p>Nothing paid on chain yet.</p>",
      "h-payouts",
    ),
    card(
      "Compute providers",
      nodeRows
        ? `<table><thead><tr><th>Node</th><th class="hide-sm">Provider</th><th>Hardware</th><th>Status</th><th class="num">Uptime 7 days</th></tr></thead><tbody>${nodeRows}</tbody></table>`
        : "<p>No compute node registered.</p>",
      "h-nodes",
    ),
  ].join("");
}

/** Whether the blind jury sampled the contribution, and what it said (jurors are not named). */
function juryHtml(j) {
  if (!j) return "";
  const drawn = ` · blind jury: sampled${j.epoch !== null ? ` in epoch ${j.epoch}` : ""}`;
  if (j.juryTotal === null) return `${drawn}, not reviewed`;
  const one = (n) => (Number.isInteger(n) ? String(n) : n.toFixed(1));
  return `${drawn}, ${j.reviews} review(s): jury ${j.juryTotal}/100 vs model ${j.modelTotal}/100 (${j.scores.map((s) => `${esc(s.criterion)} ${one(s.jury ?? 0)} vs ${one(s.model)}`).join(", ")})`;
}

function reasonHtml(r) {
  if (r.kind === "contribution") {
    const e = r.evaluation;
    return `<li class="reason">Contribution #${r.id} “${esc(r.title)}” (${esc(r.category)}) by ${esc(r.author)} — ${
      e
        ? `<a href="#/evaluation/${e.id}">evaluation #${e.id}</a>: ${esc(e.evaluator)}${e.model ? ` (${esc(e.model)})` : ""}, total ${e.total}/100${e.flags.length ? `, flags: ${esc(e.flags.join(", "))}${e.cleared ? " (cleared by a person)" : ""}` : ""}`
        : "no active evaluation"
    }${juryHtml(r.jury)}</li>`;
  }
  if (r.kind === "uptime")
    return `<li class="reason">Uptime of node #${r.nodeId} ${esc(r.node)}: ${r.hours.toFixed(2)} h → ${amount(r.amount)}</li>`;
  if (r.kind === "lease")
    return `<li class="reason">Lease #${r.leaseId} on node #${r.nodeId} ${esc(r.node)} → ${amount(r.amount)}</li>`;
  return `<li class="reason">A reward carried from an earlier epoch</li>`;
}

async function proposalPage(id) {
  if (!token.symbol) token = (await api("/summary")).token;
  const { proposal: p, lines, note } = await api(`/proposals/${id}`);
  const r = p.result;
  const tally = r
    ? `<table><thead><tr><th>Choice</th><th class="num">Weight</th></tr></thead><tbody>${p.choices
        .map((c, i) => `<tr><td>${esc(c)}</td><td class="num">${r[r.binding].scores[i] ?? 0}</td></tr>`)
        .join(
          "",
        )}</tbody></table><p>${r[r.binding].voters} voter(s); quorum ${p.quorumWeight} of ${p.eligibleWeight} eligible weight ${r[r.binding].quorumMet ? "reached" : "not reached"}.${p.conflictedVoters ? ` ${p.conflictedVoters} voter(s) are paid by this batch${r.binding === "withoutConflicted" ? " and did not count" : ""}.` : ""}</p>`
    : "<p>No tally yet.</p>";
  const chunks = p.chunks
    .map(
      (c) =>
        `<li>Chunk ${c.index + 1}/${c.count}: ${status(c.status)} ${c.txHash ? `<code>${esc(c.txHash)}</code>${c.blockNumber ? ` in block ${c.blockNumber}` : ""}` : ""}</li>`,
    )
    .join("");
  const lineRows = lines
    .map(
      (l) =>
        `<tr><td class="mono">${esc(l.recipient)}</td><td class="num">${amount(l.amount)}</td><td><ul>${l.reasons.map(reasonHtml).join("")}</ul></td></tr>`,
    )
    .join("");
  main.innerHTML = [
    `<p><a href="#/">← Overview</a></p>`,
    card(
      `Proposal #${p.id}: ${esc(p.title)}`,
      `<p>${status(p.status)} · ${esc(p.kind)}${p.epoch ? ` · epoch ${p.epoch}` : ""} · proposed by ${esc(p.author)}</p><p>Batch hash (the vote bound it): <code>${esc(p.batchHash ?? "none")}</code></p>${p.anchor ? `<p>Audit head at the close: event #${p.anchor.eventId} <code>${esc(p.anchor.hash.slice(0, 16))}…</code>${p.anchor.blockNumber ? `, anchored in block ${p.anchor.blockNumber}` : ""}</p>` : ""}${note ? `<p><em>${esc(note)}</em></p>` : ""}`,
      "h-proposal",
    ),
    `<div class="grid">${card("Vote", tally, "h-vote")}${card("Approvals", `<p>${p.approvals.length}${p.approvalsRequired ? ` of ${p.approvalsRequired} required` : ""}</p><ul>${p.approvals.map((a) => `<li>${esc(a.by)} — ${when(a.at)}</li>`).join("")}</ul>${chunks ? `<h3>Transactions</h3><ul>${chunks}</ul>` : ""}`, "h-approvals")}</div>`,
    card(
      `Payouts (${lines.length})`,
      lineRows
        ? `<table><thead><tr><th>Recipient</th><th class="num">Amount</th><th>Why</th></tr></thead><tbody>${lineRows}</tbody></table>`
        : "<p>No payout line.</p>",
      "h-lines",
    ),
  ].join("");
}

async function evaluationPage(id) {
  const e = await api(`/evaluations/${id}`);
  const c = e.contribution;
  main.innerHTML = [
    `<p><a href="#/">← Overview</a></p>`,
    card(
      `Evaluation #${e.id} of contribution #${c.id}: “${esc(c.title)}”`,
      `<p>${esc(c.category)} · by ${esc(c.author)} · submitted ${when(c.submittedAt)} · ${status(c.status)}</p>
       <p>Evaluator: <strong>${esc(e.evaluator)}</strong>${e.model ? ` (${esc(e.model)})` : ""}, rubric v${e.rubricVersion}, ${e.samples} sample(s), prompt ${esc(e.promptVersion)} sha256 <code>${esc(e.promptSha256)}</code></p>
       <p>Total <strong>${e.total}/100</strong>, confidence ${Math.round(e.confidence * 100)} %, suggested reward ${amount(e.suggestedReward)}${e.active ? "" : " (not the active evaluation)"}</p>
       ${e.flags.length ? `<p class="bad">Flags: ${esc(e.flags.join(", "))}${e.cleared ? " — cleared by a person" : ""}</p>` : ""}`,
      "h-eval",
    ),
    card(
      "Scores",
      `<table><thead><tr><th>Criterion</th><th class="num">Score</th><th class="num">Weight</th><th>Reason</th></tr></thead><tbody>${e.scores
        .map(
          (s) =>
            `<tr><td>${esc(s.criterion)}</td><td class="num">${s.score}/10</td><td class="num">${s.weight}</td><td>${esc(s.reason ?? "")}</td></tr>`,
        )
        .join("")}</tbody></table><p>${esc(e.rationale)}</p>`,
      "h-scores",
    ),
    card(
      "Evidence quoted from the submission",
      e.evidence.length
        ? e.evidence.map((q) => `<blockquote class="quote">${esc(q)}</blockquote>`).join("")
        : "<p>None.</p>",
      "h-evidence",
    ),
  ].join("");
}

async function route() {
  const [, kind, id] = location.hash.split("/");
  main.innerHTML = '<p class="loading">Loading…</p>';
  try {
    if (kind === "proposal" && id) await proposalPage(Number(id));
    else if (kind === "evaluation" && id) await evaluationPage(Number(id));
    else await overview();
    document.title = `Steward — ${main.querySelector("h2")?.textContent ?? "transparency"}`;
    if (kind) main.focus();
  } catch (error) {
    main.innerHTML = `<p class="bad" role="alert">Could not load this page: ${esc(error.message)}</p><p><a href="#/">Back to the overview</a></p>`;
  }
}

window.addEventListener("hashchange", route);
route();
