import type { ChainRefusalFact } from "../../base/chainRefusal.ts";
import { chainRefusalText } from "../../base/chainRefusalText.ts";
import type { UserErrorCode, UserErrorContext } from "../../services/errors.ts";
import type { SiweProblem } from "../../services/wallets/parseSiweMessage.ts";

// Echoed input is cut: a 4,000-character "address" must not push the answer past Discord's 2,000-character limit.
const code = (text: string) => `\`${(text.length > 120 ? `${text.slice(0, 117)}…` : text).replaceAll("`", "'")}\``;
const relative = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:R>`;
const absolute = (d: Date) => `<t:${Math.floor(d.getTime() / 1000)}:f>`;

/** What a person reads for each expected failure: what went wrong, and what to do about it. */
export const errorMessages = {
  field_empty: ({ field }) => `The ${field} is empty. Please write something in it.`,
  field_no_words: ({ field }) => `The ${field} has no words in it, only punctuation or symbols. Please write it out.`,
  invalid_text: ({ field, problem }) =>
    `The ${field} contains ${problem === "nul" ? "a NUL character (\\0)" : "broken Unicode (a lone surrogate)"}, which cannot be stored. Please retype it without that character.`,
  field_too_long: ({ field, max, length }) =>
    `The ${field} is too long: ${length} characters, and at most ${max} are allowed.`,
  too_many_links: ({ max, count }) => `You gave ${count} links; at most ${max} are allowed.`,
  invalid_link: ({ link }) => `${code(link)} is not a valid link. Links must start with http:// or https://.`,
  invalid_hours: ({ hours, max }) =>
    `${hours} is not a valid number of hours: give a number from 0.01 to ${max} (hours are kept to two decimals).`,
  duplicate_submission: ({ contributionId, windowSeconds }) =>
    `You already submitted a contribution with this title less than ${windowSeconds} seconds ago (#${contributionId}). Nothing new was stored.`,
  contribution_not_found: ({ id }) => `There is no contribution #${id} in this server.`,
  not_evaluated_yet: ({ id, status }) =>
    status === "withdrawn"
      ? `Contribution #${id} was withdrawn before it was evaluated.`
      : `Contribution #${id} has not been evaluated yet (it is ${status}). Evaluations usually take under a minute.`,
  not_contribution_author: ({ id }) => `Contribution #${id} is not yours: only its author can withdraw it.`,
  contribution_not_withdrawable: ({ id, status }) =>
    status === "withdrawn"
      ? `Contribution #${id} is already withdrawn.`
      : `Contribution #${id} can no longer be withdrawn: its evaluation is ${status}.`,
  invalid_score: ({ score }) => `${score} is not a valid score: give a whole number from 0 to 100.`,
  invalid_reward: ({ input, decimals }) =>
    `${code(input)} is not a valid reward: give a number of tokens such as 12.5 (at most ${decimals} decimals).`,
  reward_above_cap: ({ max }) => `That reward is above the cap of ${max} per contribution.`,
  field_empty_reason: () => "Please give a reason: it is recorded and shown to the contributor.",
  not_author_appeal: ({ id }) => `Only the author of contribution #${id} can appeal its evaluation.`,
  appeal_window_closed: ({ closedAt }) =>
    `The appeal window for this evaluation closed ${relative(closedAt)}. Ask a moderator if something is wrong.`,
  appeal_exists: ({ id, status }) =>
    `This evaluation was already appealed (appeal #${id}, ${status}). Each evaluation can be appealed once.`,
  appeal_not_found: ({ id }) => `There is no appeal #${id}.`,
  appeal_resolved: ({ id, status }) => `Appeal #${id} is already ${status}.`,
  appeal_second_pass_pending: ({ id }) =>
    `Appeal #${id} cannot be accepted yet: its second evaluation is still running. Its result is posted when it is done (or reject the appeal now).`,
  proposal_draft_not_found: ({ id }) => `There is no proposal draft #${id} of yours.`,
  proposal_draft_closed: ({ id, state }) => `Proposal draft #${id} was already ${state}.`,
  invalid_budget: ({ input, problem, decimals }) =>
    problem === "decimals"
      ? `${code(input)}: the token has ${decimals} decimals, so an amount can have at most ${decimals} digits after the point.`
      : problem === "zero"
        ? `${code(input)}: a budget request must ask for more than 0 tokens (or leave the budget empty).`
        : problem === "too_large"
          ? `${code(input)}: that amount is larger than any token can transfer (it does not fit in 256 bits).`
          : `${code(input)} is not a budget request. Write the amount and the recipient's address, e.g. \`500 0x1234…abcd\`, or leave it empty.`,
  invalid_days: ({ days }) => `${days} is not a valid period: give a number of days from 1 to 365.`,
  epoch_blocked_by_appeals: ({ appeals }) =>
    `The epoch cannot close while appeals are open: ${appeals.map((a) => `#${a}`).join(", ")}. Accept or reject them first.`,
  invalid_address: ({ address }) =>
    `${code(address)} is not a valid Ethereum address. It must be 0x followed by 40 hex characters (mixed case only with a valid checksum).`,
  address_in_use: ({ address }) =>
    `${code(address)} is already the linked wallet of another member of this server. Each wallet can belong to one member only.`,
  no_pending_challenge: () => "You have no wallet link in progress. Start with `/wallet link address:<your address>`.",
  challenge_expired: ({ expiredAt }) =>
    `That signature is for a link request that expired ${relative(expiredAt)}. Run \`/wallet link\` again and sign the new message.`,
  challenge_used: () =>
    "That signature was already used: each link message can be used once. Run `/wallet link` again to get a new one.",
  invalid_signature: ({ problem, bytes, max, address, contractWallets, chainId }) => {
    if (problem === "format")
      return "That is not a signature: paste it as 0x followed by hex digits and nothing else (an ordinary wallet's is 0x and 130 hex characters).";
    if (problem === "too_long")
      return `That signature is too long: Steward accepts at most ${max} characters. Paste only the signature (0x…).`;
    const what = address ? ` for ${code(address)}` : "";
    const why =
      problem === "length"
        ? `an ordinary wallet's signature is 0x followed by 130 hex characters (65 bytes; 128 for a compact EIP-2098 one), and this one has ${bytes} bytes`
        : problem === "v"
          ? "its last byte (v) must be 1b or 1c (27 or 28), or 00 or 01. Paste the signature exactly as your wallet gave it"
          : "no key could have made it (it may be cut short or changed). Copy the whole signature again from your wallet";
    return `That is not a valid signature${what}: ${why}.${contractWalletHint(address, contractWallets, chainId)}`;
  },
  signature_wrong_signer: ({ expected, recovered, contractWallets }) =>
    `That signature was made by ${code(recovered)}, not by ${code(expected)}. Sign the message with the wallet you are linking.${contractWallets === "no_chain" ? contractWalletHint(expected, contractWallets) : ""}`,
  challenge_outdated: () =>
    "That link request was made by an older version of Steward, whose message can no longer be checked. Run `/wallet link` again and sign the new message.",
  contract_wallet_needs_chain: ({ address }) =>
    `That is a smart account's signature (ERC-6492) for ${code(address)}. Contract wallets (Safes, smart accounts) are checked on the chain Steward pays on, and this Steward is not connected to one, so ${code(address)} cannot be linked here. Link an ordinary wallet instead, or ask a moderator to connect a chain (RPC_URL).`,
  contract_wallet_refused: ({ address, chainId, counterfactual }) =>
    counterfactual
      ? `The smart account ${code(address)} (not deployed yet on chain ${chainId}) did not accept this signature: Steward simulated its deployment and asked it (ERC-6492), and it said no. Nothing was linked. Sign the message \`/wallet link\` gave you with the wallet app that controls this account.`
      : `The wallet contract at ${code(address)} on chain ${chainId} did not accept this signature (EIP-1271), so nothing was linked. Sign the message \`/wallet link\` gave you as that wallet — for a Safe, in the Safe app, with enough owners to meet its threshold — and check that the wallet is the one on chain ${chainId}.`,
  counterfactual_not_deployed: ({ address, chainId, problem }) =>
    problem === "wrapper_malformed"
      ? "That signature ends like an ERC-6492 one (…6492), but the rest is not a factory, its call and a signature. Copy the whole signature again from your wallet."
      : problem === "deploy_failed"
        ? `That ERC-6492 signature carries the call that creates the smart account ${code(address)}, but on chain ${chainId} that call fails, so the signature cannot be checked. Nothing was linked. Sign again in the wallet app that controls the account (or deploy the account first).`
        : `That ERC-6492 signature carries a call that creates an account, but not ${code(address)} on chain ${chainId}: it belongs to another account or another chain. Sign with the account you are linking.`,
  wallet_chain_unavailable: ({ chainId }) =>
    `Steward could not reach chain ${chainId} to check this contract wallet's signature, so nothing was linked. Run \`/wallet verify\` again in a minute: your link request stays valid until it expires.`,
  link_message_malformed: ({ line, problem }) =>
    `That is not a Sign-In with Ethereum message (EIP-4361): line ${line} ${siweProblemText[problem]}. Paste the message exactly as you signed it — the one \`/wallet link\` gave you.`,
  link_message_unknown_nonce: ({ nonce }) =>
    `That message's nonce ${code(nonce)} is not one of your link requests in this server, so it cannot link a wallet here. Run \`/wallet link\` and sign the message it gives you.`,
  link_message_wrong_address: ({ got, expected }) =>
    `That message is for ${code(got)}, but its link request is for ${code(expected)}: a message for another address cannot link this one. Sign the message \`/wallet link\` gave you, or run ${code(`/wallet link address:${got}`)} to link that address instead.`,
  link_message_wrong_domain: ({ got, expected }) =>
    `That message was made for ${code(got)}, not for this Steward (${code(expected)}), so it cannot link a wallet here. Run \`/wallet link\` and sign the message it gives you; a message that names another site is not Steward's.`,
  link_message_wrong_chain: ({ got, expected }) =>
    `That message is for chain ${code(got)}, but this Steward pays on chain ${expected}: a wallet is linked for the chain it is paid on (a contract wallet's address can belong to someone else on another chain). Run \`/wallet link\` again and sign the new message.`,
  link_message_wrong_uri: ({ got, expected }) =>
    `That message's URI is ${code(got)}, not this Steward's (${code(expected)}), so it cannot link a wallet here. Run \`/wallet link\` and sign the message it gives you, unchanged.`,
  link_message_not_yet_valid: ({ notBefore }) =>
    `That message is not valid yet: its Not Before time is ${relative(notBefore)}. Sign the message \`/wallet link\` gave you, which is valid at once.`,
  no_wallet: () => "You have not linked a wallet yet. Use `/wallet link address:<your address>` to start.",
  guild_only: () => "This command works only inside a server.",
  // A role configured by id is shown as a mention, which Discord renders as the role's name (and pings nobody).
  missing_role: ({ role }) =>
    `Only members with the ${/^\d{17,20}$/.test(role) ? `<@&${role}>` : role} role can do this.`,
  export_no_epoch: ({ number }) => `There is no epoch ${number}. \`/epoch status\` shows the open one's number.`,
  export_which_guild: ({ number, guilds }) =>
    `Several servers have an epoch ${number} (${guilds.join(", ")}): add --guild <server id> to say which.`,
  held_line_not_found: ({ id }) =>
    `There is no held line #${id} in this server. \`/payout claim\` lists the lines held for you.`,
  held_line_resolved: ({ id, status, to }) =>
    `Held line #${id} was already ${status === "returned" ? "returned to the treasury" : `paid out${to ? ` to ${code(to)}` : ""}`}: there is nothing left to ${status === "returned" ? "claim or return" : "claim"}.`,
  held_line_not_yours: ({ id, recipient }) =>
    `Held line #${id} is held for ${code(recipient)}, a wallet you never linked here: only its owner can claim it.`,
  held_line_busy: ({ id }) =>
    `Held line #${id} is being paid out right now (a claim or return is on its way to the chain). \`/payout claim\` shows where it is.`,
  held_lines_unavailable: () =>
    "No chain is configured (RPC_URL), so held lines cannot be claimed or returned from here.",
  claim_signature_malformed: ({ id }) =>
    `That is not a signature: give the 0x… hex your wallet returned for the claim of held line #${id} (\`/payout claim line:${id}\` shows what to sign).`,
  claim_not_asked: ({ id }) =>
    `Nothing to sign yet for held line #${id}: run \`/payout claim line:${id}\` first, sign what it shows, then give the signature.`,
  claim_refused: ({ id, recipient, refusal }) =>
    `The distributor would refuse this claim of held line #${id}: ${claimRefusal(refusal, recipient, id)} Nothing was sent.`,
  held_line_claim_period: ({ id, until }) =>
    `Held line #${id} is still its recipient's to claim until ${absolute(until)} (${relative(until)}); it can be returned to the treasury after that.`,
  return_refused: ({ id, refusal }) =>
    `The distributor would refuse to return held line #${id}: ${chainRefusalText(refusal)}. Nothing was sent.`,
  trace_unreadable: ({ ref }) =>
    `${code(ref)} is not something I can trace. Give a transaction hash (0x and 64 hex digits), \`proposal 12\`, \`contribution 12\` or \`node 12\`.`,
  trace_ambiguous: ({ id, kinds }) =>
    `#${id} could be ${kinds.map((k) => `${k} ${id}`).join(" or ")}. Write \`${kinds[0]} ${id}\` (or one of the others) to say which.`,
  trace_not_found: ({ kind, ref }) =>
    kind === "transaction"
      ? `No payout of this server was paid by transaction ${code(ref)}.`
      : `There is no ${kind} ${code(ref)} in this server.`,
  jury_off: () => "The blind jury is turned off here (CALIBRATION_SAMPLE is `off`).",
  jury_item_not_found: ({ id }) => `There is no jury item ${id} in this server. Use /jury next for your next one.`,
  jury_sample_closed: ({ id }) =>
    `Jury item #${id} belongs to an epoch that has closed: its agreement is already in the distribution. Use /jury next.`,
  jury_own_contribution: ({ id }) =>
    `You cannot score jury item ${id}: it is your own contribution, and nobody judges their own work.`,
  jury_conflicted: ({ id, address }) =>
    `You cannot score jury item ${id}: its author has linked ${code(address)}, a wallet you have linked too, so you are conflicted.`,
  jury_already_reviewed: ({ id }) => `You already scored jury item ${id}. Each juror scores an item once.`,
  jury_invalid_scores: ({ criteria }) => `Give every criterion a whole number from 0 to 10: ${criteria.join(", ")}.`,
  unknown_job: ({ job, known }) => `There is no job named ${code(job)}. Known jobs: ${known.join(", ")}.`,
  proposal_not_found: ({ id }) => `There is no proposal #${id} in this server.`,
  nothing_to_retry: ({ id, status }) =>
    `Proposal #${id} has no failed payout to retry (it is ${status.replace("_", " ")}). \`/payout status proposal:${id}\` shows where it is.`,
  proposal_not_draft: ({ id, status }) =>
    `Proposal #${id} is already ${status.replace("_", " ")}: only a draft can be opened for votes.`,
  invalid_voting_setup: ({ problem }) => `The vote cannot open: ${problem}.`,
  invalid_policy_change: ({ problem, detail, known }) => {
    const names = known.join(", ");
    const example = known
      .map(
        (k, i) =>
          `${k}=${i === 0 ? (1 - ((known.length - 1) * Math.floor(100 / known.length)) / 100).toFixed(2) : (Math.floor(100 / known.length) / 100).toFixed(2)}`,
      )
      .join(",");
    const why = {
      weights_empty: `give a weight for each criterion (${names}), e.g. \`${example}\``,
      weights_format: `"${detail}" is not \`criterion=weight\`: write them like \`${example}\``,
      unknown_criterion: `"${detail}" is not a criterion of the active rubric (its criteria: ${names})`,
      duplicate_criterion: `${detail} is given twice`,
      weight_not_positive: `${detail}'s weight must be above 0 (a criterion nobody should weigh is a rubric change, not a weight)`,
      missing_criterion: `no weight for ${detail}: give one for each of ${names}`,
      weights_sum: `the weights add up to ${detail}, not 1 (they are shares of the score)`,
      cap_zero: "the cap per contribution must be above 0",
      model_name: `"${detail}" is not a model name (letters, digits and . _ : / @ -, at most 100 characters)`,
      prompt_version: `Steward has no prompt "${detail}" (it has: ${names})`,
      no_llm: "the active evaluator is the offline rubric, which has no model or prompt to change",
      no_change: "it is the same as the active policy: change a weight, the cap, the model or the prompt version",
    }[problem];
    return `That policy cannot be proposed: ${why}.`;
  },
  payout_needs_recipient: ({ id }) =>
    `Proposal #${id} asks for a budget but names no recipient address, so there is nothing to pay. Submit a new proposal with the amount and the recipient's address.`,
  electorate_unavailable: ({ reason }) =>
    reason === "members_intent"
      ? "I cannot read the server's member list, so the eligible weight cannot be computed: the Server Members intent is off. An admin enables it in the Discord Developer Portal → the application → Bot → Privileged Gateway Intents; then open the vote again."
      : "The server's member list is not available right now, so the eligible weight cannot be computed. Try again in a minute.",
  vote_closed: ({ id, status, endedAt }) =>
    status === "draft"
      ? `Proposal #${id} is not open for votes yet.`
      : `Voting on proposal #${id} is closed${endedAt ? ` (it ended ${relative(endedAt)})` : ""}; it is ${status.replace("_", " ")}. Your vote was not recorded.`,
  invalid_vote: ({ id, expected }) => `That is not a valid vote on proposal #${id}: ${expected}.`,
  not_eligible: ({ reason }) => `You cannot vote on this proposal: ${reason}.`,
  no_voting_power: ({ strategy }) =>
    strategy === "erc20-balance"
      ? "You have no voting power on this proposal: votes are weighed by the token balance of your linked wallet at the proposal's snapshot block, and yours was 0 (or no wallet was linked). Link one with `/wallet link` for the next proposals."
      : "You have no voting power on this proposal: none of your roles carries a vote weight.",
  not_a_payout: ({ id }) => `Proposal #${id} pays nothing, so it needs no approval.`,
  approval_not_pending: ({ id, status }) =>
    `Proposal #${id} is ${status.replace("_", " ")}, not awaiting approval, so it cannot be approved or rejected now.`,
  already_approved: ({ id, approvals, required }) =>
    `You already approved proposal #${id} (${approvals} of ${required} approvals). Each moderator approves once.`,
  own_payout: ({ id, address }) =>
    `You cannot approve proposal #${id}: your wallet ${code(address)} receives a payout in it. Another moderator must approve.`,
  own_contribution: ({ id, action }) =>
    `You cannot ${actionText[action]} contribution #${id}: it is your own, and nobody decides their own reward. Another moderator must do it.`,
  contribution_pays_you: ({ id, action, address }) =>
    `You cannot ${actionText[action]} contribution #${id}: its reward goes to ${code(address)}, a wallet you have linked, and nobody decides their own reward. Another moderator must do it.`,
  contribution_withdrawn: ({ id, action }) =>
    `Contribution #${id} was withdrawn by its author, so there is nothing to ${actionText[action]}: it pays nothing.`,
  contribution_in_distribution: ({ id, action, epoch, proposalId, proposalStatus }) =>
    `Contribution #${id}'s reward is already in epoch ${epoch}'s distribution${proposalId === null ? "" : ` (proposal #${proposalId}, ${proposalStatus?.replace("_", " ")})`}, so its evaluation can no longer change: you cannot ${actionText[action]} it. What was voted is what is paid.`,
  invalid_component: () =>
    "This button or menu does not belong to anything Steward knows. Use the command instead (see /help).",
  pager_expired: ({ command }) =>
    `This list's filter was too long to keep in its buttons and Steward has restarted since: run \`${command}\` again.`,
  not_flagged: ({ id }) =>
    `Contribution #${id}'s evaluation is not flagged for review, so there is nothing to clear. Use \`/evaluation override\` to change it.`,
  already_reviewed: ({ id, reviewerId }) =>
    `Contribution #${id}'s evaluation was already cleared by <@${reviewerId ?? "?"}>.`,
  impossible_spec: ({ field, value, min, max }) =>
    `${code(value)} is not a possible ${field}: give a whole number from ${min} to ${max}.`,
  invalid_price: ({ input, decimals }) =>
    `${code(input)} is not a valid price: give a number of tokens above 0 such as 2.5 (at most ${decimals} decimals).`,
  invalid_region: ({ input }) =>
    `${code(input)} is not a region Steward knows the format of: write it like \`eu-west\`, \`us-east-1\` or \`ap-southeast-2\` (area code, direction, optional zone number).`,
  gpu_count_without_model: ({ count }) =>
    `You gave ${count} GPU(s) but no GPU model. Give the model (e.g. \`H200\`), or \`none\` with gpu_count 0 and vram_gb 0 for a CPU-only node.`,
  provider_needs_wallet: () =>
    "Node rewards are paid to your verified wallet, and you have none yet. Run `/wallet link` first, then register the node.",
  too_many_nodes: ({ max }) =>
    `You already have ${max} nodes registered, the most one provider may have. Retire one with \`/node retire\` first.`,
  node_key_in_use: ({ nodeId, publicKey }) =>
    `The key ${code(publicKey)} already belongs to node #${nodeId}: each node needs its own key. Start the agent with another key file to get a new one.`,
  node_not_found: ({ id }) => `There is no node #${id} in this server.`,
  not_your_node: ({ id }) => `Node #${id} is not yours: only its provider can change or retire it.`,
  node_is_retired: ({ id }) => `Node #${id} is retired, so it can no longer be changed.`,
  nothing_to_update: () => "Nothing to update: give a new price, region or description.",
  no_fitting_offer: ({ nearest }) =>
    `No online offer fits this request, so nothing was stored.${nearest.length > 0 ? ` The nearest:\n${nearest.map((n) => `- ${n}`).join("\n")}` : " No node is registered yet."}`,
  compute_request_not_found: ({ id }) => `There is no compute request #${id} in this server.`,
  not_your_request: ({ id }) => `Compute request #${id} is not yours: only the member who asked can choose an offer.`,
  offer_gone: ({ nodeId, problems }) =>
    `Node #${nodeId} no longer fits your request (${problems.join(", ")}). Ask again with \`/compute request\` to see what fits now.`,
  own_node_lease: ({ nodeId }) =>
    `Node #${nodeId} is your own (it pays a wallet you have linked): you cannot lease it to yourself and be paid for it.`,
  lease_not_found: ({ id }) => `There is no lease #${id} in this server.`,
  own_lease_approval: ({ id }) =>
    `You cannot approve lease #${id}: you are its requester or its provider, or have linked the provider's wallet. Another moderator must approve it.`,
  not_lease_provider: ({ id }) => `Only the provider of lease #${id}'s node can accept or decline it.`,
  not_lease_party: ({ id }) => `Lease #${id} is not yours: only its requester or its provider can end it.`,
  lease_not_in_state: ({ id, status, expected }) =>
    `Lease #${id} is ${status.replace("_", " ")}, not ${expected.replace("_", " ")}, so that can no longer be done.`,
  github_off: () =>
    "Linking a GitHub account is not set up on this Steward (no GitHub OAuth app is configured). Your code links count as you describe them.",
  github_unreachable: () =>
    "GitHub did not answer, so no code could be asked for. Nothing was changed: please try `/github link` again in a minute.",
  github_not_linked: () => "You have no GitHub account linked. Link one with `/github link`.",
  github_login_needed: () =>
    "This Steward has no GitHub OAuth app, so link your account with a gist instead: run `/github link login:<your GitHub login>` and Steward gives you a text to put in a public gist.",
  github_login_invalid: ({ login }) =>
    `"${login}" is not a GitHub login (letters, digits and single hyphens, at most 39 characters). Nothing was changed.`,
  github_user_unknown: ({ login }) =>
    `GitHub has no user @${login}. Check the spelling of your login; nothing was changed.`,
  github_gist_none: () =>
    "You have no gist challenge waiting. Run `/github link login:<your GitHub login>` to get one.",
  github_gist_expired: ({ login }) =>
    `Your challenge for @${login} expired before Steward found it in a gist. Nothing was linked: run \`/github link login:${login}\` for a new one.`,
  github_gist_unreachable: () =>
    "GitHub did not answer, so your gists could not be read. Nothing was changed: please try again in a minute.",
  github_draft_not_found: ({ id }) =>
    `Draft #${id} is not yours: only the member whose merged pull request it was drafted from can submit or discard it.`,
  github_draft_decided: ({ id, status }) => `Draft #${id} was already ${status}: nothing was changed.`,
  github_taken: ({ login }) =>
    `GitHub account @${login} is already linked to another member of this server: each GitHub account can belong to one member only. Nothing was linked.`,
} satisfies { [C in UserErrorCode]: (context: UserErrorContext[C]) => string };

/** A claim's revert, in words: the signer, the deadline, the line, the token's transfer. */
function claimRefusal(refusal: ChainRefusalFact, recipient: string, id: number): string {
  const error = refusal.kind === "contract_error" ? refusal.name : null;
  if (error === "InvalidClaimSignature")
    return `the signature was not made by ${code(recipient)} over this claim. Sign the typed data \`/payout claim line:${id}\` shows with that wallet (eth_signTypedData_v4).`;
  if (error === "ClaimExpired")
    return `the claim's deadline has passed. Run \`/payout claim line:${id}\` again for a new one.`;
  if (error === "NotHeld") return "the line is no longer held: it was already paid out or returned.";
  if (error === "InvalidDestination")
    return "it would pay the distributor itself or the zero address. Link another wallet with `/wallet link` and ask again.";
  return `${chainRefusalText(refusal)}. If the token refused the transfer to your wallet, link another one with \`/wallet link\` and ask again.`;
}

/** Why a signature was checked as an ordinary wallet's: said, for those who signed with a contract wallet. */
function contractWalletHint(address: string | undefined, why: "no_chain" | "no_code" | undefined, chainId?: number) {
  const wallet = address ? code(address) : "your wallet";
  if (why === "no_chain")
    return ` If ${wallet} is a contract wallet (a Safe or a smart account): this Steward is not connected to a chain, so it cannot check contract wallets; link an ordinary wallet, or ask a moderator to connect one (RPC_URL).`;
  if (why === "no_code")
    return ` (${wallet} has no contract on chain ${chainId}, so it signs as an ordinary wallet; a smart account not deployed there yet signs with ERC-6492, which smart-account wallets do by themselves.)`;
  return "";
}

/** What line N of a pasted EIP-4361 message should have been. */
const siweProblemText: Record<SiweProblem, string> = {
  line_ending: "ends with a carriage return (a Windows line ending), and the message's lines end with a line feed only",
  header: "should read `<domain> wants you to sign in with your Ethereum account:`",
  address: "should be the address: 0x followed by 40 hex characters",
  address_checksum: "should be the address in its checksummed form (EIP-55, mixed case), as `/wallet link` shows it",
  blank_line: "should be empty",
  statement: "(the statement) may hold only letters, digits, spaces and URL punctuation",
  uri: "should be `URI: ` followed by a URI such as https://…",
  version: "should be `Version: 1`",
  chain_id: "should be `Chain ID: ` followed by the chain's number",
  nonce: "should be `Nonce: ` followed by at least 8 letters or digits",
  issued_at: "should be `Issued At: ` followed by a time such as 2026-01-31T12:00:00.000Z",
  expiration_time: "should be `Expiration Time: ` followed by a time such as 2026-01-31T12:10:00.000Z",
  not_before: "should be `Not Before: ` followed by a time such as 2026-01-31T12:00:00.000Z",
  request_id: "should be `Request ID: ` followed by an id without spaces",
  resource: "should be a resource: `- ` followed by a URI",
  unexpected_line:
    "is not one of the optional fields (Expiration Time, Not Before, Request ID, Resources — at most once each, in that order)",
  too_short: "is missing: the message ends too early",
};

const actionText = {
  override: "override the evaluation of",
  clear: "clear the flagged evaluation of",
  appeal: "decide the appeal on",
} as const;

export function userErrorMessage<C extends UserErrorCode>(code: C, context: UserErrorContext[C]): string {
  return (errorMessages[code] as (c: UserErrorContext[C]) => string)(context);
}
