/** English: the source every other catalog translates. Keys start with "errors.". */
export const errors = {
  // The words a failure names: a form's or an option's field, a status. Unknown ones are shown as they are.
  "errors.fieldName":
    "{field, select, title {title} description {description} link {link} reason {reason} idea {idea} summary {summary} budget {budget} purpose {purpose} name {name} gpu_model {gpu_model} gpu_count {gpu_count} min_vram_gb {min_vram_gb} vram_gb {vram_gb} cpu_cores {cpu_cores} ram_gb {ram_gb} region {region} motivation {motivation} specification {specification} links {links} other {{field}}}",
  "errors.status":
    "{status, select, submitted {submitted} evaluating {evaluating} evaluated {evaluated} final {final} withdrawn {withdrawn} open {open} accepted {accepted} rejected {rejected} draft {draft} passed {passed} expired {expired} awaiting_approval {awaiting approval} approved {approved} vetoed {vetoed} settling {settling} settled {settled} failed {failed} offered {offered} declined {declined} active {active} ended {ended} confirmed {confirmed} discarded {discarded} cancelled {cancelled} being_closed {being closed} other {{status}}}",
  "errors.field_empty": "The {field} is empty. Please write something in it.",
  "errors.field_no_words": "The {field} has no words in it, only punctuation or symbols. Please write it out.",
  "errors.invalid_text":
    "The {field} contains {problem, select, nul {a NUL character (\\0)} other {broken Unicode (a lone surrogate)}}, which cannot be stored. Please retype it without that character.",
  "errors.field_too_long": "The {field} is too long: {length} characters, and at most {max} are allowed.",
  "errors.too_many_links": "You gave {count} links; at most {max} are allowed.",
  "errors.invalid_link": "`{link}` is not a valid link. Links must start with http:// or https://.",
  "errors.invalid_hours":
    "{hours} is not a valid number of hours: give a number from 0.01 to {max} (hours are kept to two decimals).",
  "errors.duplicate_submission":
    "You already submitted a contribution with this title less than {windowSeconds} seconds ago (#{contributionId}). Nothing new was stored.",
  "errors.contribution_not_found": "There is no contribution #{id} in this server.",
  "errors.not_evaluated_yet.withdrawn": "Contribution #{id} was withdrawn before it was evaluated.",
  "errors.not_evaluated_yet":
    "Contribution #{id} has not been evaluated yet (it is {status}). Evaluations usually take under a minute.",
  "errors.not_contribution_author": "Contribution #{id} is not yours: only its author can withdraw it.",
  "errors.contribution_not_withdrawable.withdrawn": "Contribution #{id} is already withdrawn.",
  "errors.contribution_not_withdrawable": "Contribution #{id} can no longer be withdrawn: its evaluation is {status}.",
  "errors.invalid_score": "{score} is not a valid score: give a whole number from 0 to 100.",
  "errors.invalid_reward":
    "`{input}` is not a valid reward: give a number of tokens such as 12.5 (at most {decimals} decimals).",
  "errors.reward_above_cap": "That reward is above the cap of {max} per contribution.",
  "errors.field_empty_reason": "Please give a reason: it is recorded and shown to the contributor.",
  "errors.not_author_appeal": "Only the author of contribution #{id} can appeal its evaluation.",
  "errors.appeal_window_closed":
    "The appeal window for this evaluation closed <t:{closedAt}:R>. Ask a moderator if something is wrong.",
  "errors.appeal_exists":
    "This evaluation was already appealed (appeal #{id}, {status}). Each evaluation can be appealed once.",
  "errors.appeal_not_found": "There is no appeal #{id}.",
  "errors.appeal_resolved": "Appeal #{id} is already {status}.",
  "errors.appeal_second_pass_pending":
    "Appeal #{id} cannot be accepted yet: its second evaluation is still running. Its result is posted when it is done (or reject the appeal now).",
  "errors.proposal_draft_not_found": "There is no proposal draft #{id} of yours.",
  "errors.proposal_draft_closed":
    "Proposal draft #{id} was already {state, select, submitted {submitted} cancelled {cancelled} other {{state}}}.",
  "errors.invalid_budget.decimals":
    "`{input}`: the token has {decimals} decimals, so an amount can have at most {decimals} digits after the point.",
  "errors.invalid_budget.zero":
    "`{input}`: a budget request must ask for more than 0 tokens (or leave the budget empty).",
  "errors.invalid_budget.too_large":
    "`{input}`: that amount is larger than any token can transfer (it does not fit in 256 bits).",
  "errors.invalid_budget.format":
    "`{input}` is not a budget request. Write the amount and the recipient's address, e.g. `500 0x1234…abcd`, or leave it empty.",
  "errors.invalid_days": "{days} is not a valid period: give a number of days from 1 to 365.",
  "errors.epoch_blocked_by_appeals":
    "The epoch cannot close while appeals are open: {appeals}. Accept or reject them first.",
  "errors.invalid_address":
    "`{address}` is not a valid Ethereum address. It must be 0x followed by 40 hex characters (mixed case only with a valid checksum).",
  "errors.address_in_use":
    "`{address}` is already the linked wallet of another member of this server. Each wallet can belong to one member only.",
  "errors.no_pending_challenge":
    "You have no wallet link in progress. Start with `/wallet link address:<your address>`.",
  "errors.challenge_expired":
    "That signature is for a link request that expired <t:{expiredAt}:R>. Run `/wallet link` again and sign the new message.",
  "errors.challenge_used":
    "That signature was already used: each link message can be used once. Run `/wallet link` again to get a new one.",
  "errors.invalid_signature.format":
    "That is not a signature: paste it as 0x followed by hex digits and nothing else (an ordinary wallet's is 0x and 130 hex characters).",
  "errors.invalid_signature.too_long":
    "That signature is too long: Steward accepts at most {max} characters. Paste only the signature (0x…).",
  "errors.invalid_signature.length":
    "That is not a valid signature{hasAddress, select, yes { for `{address}`} other {}}: an ordinary wallet's signature is 0x followed by 130 hex characters (65 bytes; 128 for a compact EIP-2098 one), and this one has {bytes} bytes.",
  "errors.invalid_signature.v":
    "That is not a valid signature{hasAddress, select, yes { for `{address}`} other {}}: its last byte (v) must be 1b or 1c (27 or 28), or 00 or 01. Paste the signature exactly as your wallet gave it.",
  "errors.invalid_signature.unrecoverable":
    "That is not a valid signature{hasAddress, select, yes { for `{address}`} other {}}: no key could have made it (it may be cut short or changed). Copy the whole signature again from your wallet.",
  "errors.contractWalletHint.noChain":
    "If {hasAddress, select, yes {`{address}`} other {your wallet}} is a contract wallet (a Safe or a smart account): this Steward is not connected to a chain, so it cannot check contract wallets; link an ordinary wallet, or ask a moderator to connect one (RPC_URL).",
  "errors.contractWalletHint.noCode":
    "({hasAddress, select, yes {`{address}`} other {your wallet}} has no contract on chain {chainId}, so it signs as an ordinary wallet; a smart account not deployed there yet signs with ERC-6492, which smart-account wallets do by themselves.)",
  "errors.signature_wrong_signer":
    "That signature was made by `{recovered}`, not by `{expected}`. Sign the message with the wallet you are linking.",
  "errors.challenge_outdated":
    "That link request was made by an older version of Steward, whose message can no longer be checked. Run `/wallet link` again and sign the new message.",
  "errors.contract_wallet_needs_chain":
    "That is a smart account's signature (ERC-6492) for `{address}`. Contract wallets (Safes, smart accounts) are checked on the chain Steward pays on, and this Steward is not connected to one, so `{address}` cannot be linked here. Link an ordinary wallet instead, or ask a moderator to connect a chain (RPC_URL).",
  "errors.contract_wallet_refused.counterfactual":
    "The smart account `{address}` (not deployed yet on chain {chainId}) did not accept this signature: Steward simulated its deployment and asked it (ERC-6492), and it said no. Nothing was linked. Sign the message `/wallet link` gave you with the wallet app that controls this account.",
  "errors.contract_wallet_refused":
    "The wallet contract at `{address}` on chain {chainId} did not accept this signature (EIP-1271), so nothing was linked. Sign the message `/wallet link` gave you as that wallet — for a Safe, in the Safe app, with enough owners to meet its threshold — and check that the wallet is the one on chain {chainId}.",
  "errors.counterfactual_not_deployed.wrapper_malformed":
    "That signature ends like an ERC-6492 one (…6492), but the rest is not a factory, its call and a signature. Copy the whole signature again from your wallet.",
  "errors.counterfactual_not_deployed.deploy_failed":
    "That ERC-6492 signature carries the call that creates the smart account `{address}`, but on chain {chainId} that call fails, so the signature cannot be checked. Nothing was linked. Sign again in the wallet app that controls the account (or deploy the account first).",
  "errors.counterfactual_not_deployed.not_deployed":
    "That ERC-6492 signature carries a call that creates an account, but not `{address}` on chain {chainId}: it belongs to another account or another chain. Sign with the account you are linking.",
  "errors.wallet_chain_unavailable":
    "Steward could not reach chain {chainId} to check this contract wallet's signature, so nothing was linked. Run `/wallet verify` again in a minute: your link request stays valid until it expires.",
  "errors.link_message_malformed":
    "That is not a Sign-In with Ethereum message (EIP-4361): line {line} {problem}. Paste the message exactly as you signed it — the one `/wallet link` gave you.",
  "errors.siwe.line_ending":
    "ends with a carriage return (a Windows line ending), and the message's lines end with a line feed only",
  "errors.siwe.header": "should read `<domain> wants you to sign in with your Ethereum account:`",
  "errors.siwe.address": "should be the address: 0x followed by 40 hex characters",
  "errors.siwe.address_checksum":
    "should be the address in its checksummed form (EIP-55, mixed case), as `/wallet link` shows it",
  "errors.siwe.blank_line": "should be empty",
  "errors.siwe.statement": "(the statement) may hold only letters, digits, spaces and URL punctuation",
  "errors.siwe.uri": "should be `URI: ` followed by a URI such as https://…",
  "errors.siwe.version": "should be `Version: 1`",
  "errors.siwe.chain_id": "should be `Chain ID: ` followed by the chain's number",
  "errors.siwe.nonce": "should be `Nonce: ` followed by at least 8 letters or digits",
  "errors.siwe.issued_at": "should be `Issued At: ` followed by a time such as 2026-01-31T12:00:00.000Z",
  "errors.siwe.expiration_time": "should be `Expiration Time: ` followed by a time such as 2026-01-31T12:10:00.000Z",
  "errors.siwe.not_before": "should be `Not Before: ` followed by a time such as 2026-01-31T12:00:00.000Z",
  "errors.siwe.request_id": "should be `Request ID: ` followed by an id without spaces",
  "errors.siwe.resource": "should be a resource: `- ` followed by a URI",
  "errors.siwe.unexpected_line":
    "is not one of the optional fields (Expiration Time, Not Before, Request ID, Resources — at most once each, in that order)",
  "errors.siwe.too_short": "is missing: the message ends too early",
  "errors.link_message_unknown_nonce":
    "That message's nonce `{nonce}` is not one of your link requests in this server, so it cannot link a wallet here. Run `/wallet link` and sign the message it gives you.",
  "errors.link_message_wrong_address":
    "That message is for `{got}`, but its link request is for `{expected}`: a message for another address cannot link this one. Sign the message `/wallet link` gave you, or run `{command}` to link that address instead.",
  "errors.link_message_wrong_domain":
    "That message was made for `{got}`, not for this Steward (`{expected}`), so it cannot link a wallet here. Run `/wallet link` and sign the message it gives you; a message that names another site is not Steward's.",
  "errors.link_message_wrong_chain":
    "That message is for chain `{got}`, but this Steward pays on chain {expected}: a wallet is linked for the chain it is paid on (a contract wallet's address can belong to someone else on another chain). Run `/wallet link` again and sign the new message.",
  "errors.link_message_wrong_uri":
    "That message's URI is `{got}`, not this Steward's (`{expected}`), so it cannot link a wallet here. Run `/wallet link` and sign the message it gives you, unchanged.",
  "errors.link_message_not_yet_valid":
    "That message is not valid yet: its Not Before time is <t:{notBefore}:R>. Sign the message `/wallet link` gave you, which is valid at once.",
  "errors.no_wallet": "You have not linked a wallet yet. Use `/wallet link address:<your address>` to start.",
  "errors.guild_only": "This command works only inside a server.",
  "errors.missing_role": "Only members with the {role} role can do this.",
  "errors.no_mentor_role":
    "This server has no {role} role yet, so nobody could take your request. Ask a moderator to create the role and give it to the members who will mentor, then ask again.",
  "errors.export_no_epoch": "There is no epoch {number}. `/epoch status` shows the open one's number.",
  "errors.export_which_guild":
    "Several servers have an epoch {number} ({guilds}): add --guild <server id> to say which.",
  "errors.held_line_not_found":
    "There is no held line #{id} in this server. `/payout claim` lists the lines held for you.",
  "errors.held_line_resolved":
    "{outcome, select, returned {Held line #{id} was already returned to the treasury: there is nothing left to claim or return.} paidTo {Held line #{id} was already paid out to `{to}`: there is nothing left to claim.} other {Held line #{id} was already paid out: there is nothing left to claim.}}",
  "errors.held_line_not_yours":
    "Held line #{id} is held for `{recipient}`, a wallet you never linked here: only its owner can claim it.",
  "errors.held_line_busy":
    "Held line #{id} is being paid out right now (a claim or return is on its way to the chain). `/payout claim` shows where it is.",
  "errors.held_lines_unavailable":
    "No chain is configured (RPC_URL), so held lines cannot be claimed or returned from here.",
  "errors.claim_signature_malformed":
    "That is not a signature: give the 0x… hex your wallet returned for the claim of held line #{id} (`/payout claim line:{id}` shows what to sign).",
  "errors.claim_not_asked":
    "Nothing to sign yet for held line #{id}: run `/payout claim line:{id}` first, sign what it shows, then give the signature.",
  "errors.claim_refused.InvalidClaimSignature":
    "The distributor would refuse this claim of held line #{id}: the signature was not made by `{recipient}` over this claim. Sign the typed data `/payout claim line:{id}` shows with that wallet (eth_signTypedData_v4). Nothing was sent.",
  "errors.claim_refused.ClaimExpired":
    "The distributor would refuse this claim of held line #{id}: the claim's deadline has passed. Run `/payout claim line:{id}` again for a new one. Nothing was sent.",
  "errors.claim_refused.NotHeld":
    "The distributor would refuse this claim of held line #{id}: the line is no longer held: it was already paid out or returned. Nothing was sent.",
  "errors.claim_refused.InvalidDestination":
    "The distributor would refuse this claim of held line #{id}: it would pay the distributor itself or the zero address. Link another wallet with `/wallet link` and ask again. Nothing was sent.",
  "errors.claim_refused":
    "The distributor would refuse this claim of held line #{id}: {refusal}. If the token refused the transfer to your wallet, link another one with `/wallet link` and ask again. Nothing was sent.",
  "errors.held_line_claim_period":
    "Held line #{id} is still its recipient's to claim until <t:{until}:f> (<t:{until}:R>); it can be returned to the treasury after that.",
  "errors.return_refused": "The distributor would refuse to return held line #{id}: {refusal}. Nothing was sent.",
  "errors.chainRefusal.no_key": "no treasury key to sign with (SETTLEMENT_MODE=safe-export exports instead)",
  "errors.chainRefusal.inexact":
    "{named}: the token does not move exact amounts (a fee on transfer, or rebasing); Steward pays exactly what was voted and refuses such tokens, so pay in a standard ERC-20",
  "errors.chainRefusal.gas_cap":
    "the chunk needs {needs} gas, more than one transaction may use on this chain ({cap}): it must be paid in smaller chunks",
  "errors.chainRefusal.fee_cap": "the network asks {asks} wei per gas, above MAX_FEE_GWEI ({cap} wei)",
  "errors.chainRefusal.node_refused": "the node refused the transaction: {message}",
  "errors.trace_unreadable":
    "`{ref}` is not something I can trace. Give a transaction hash (0x and 64 hex digits), `proposal 12`, `contribution 12` or `node 12`.",
  "errors.trace_ambiguous": "#{id} could be {options}. Write `{first}` (or one of the others) to say which.",
  "errors.trace_not_found.transaction": "No payout of this server was paid by transaction `{ref}`.",
  "errors.trace_not_found":
    "There is no {kind, select, proposal {proposal} contribution {contribution} node {node} any {proposal, contribution or node} other {{kind}}} `{ref}` in this server.",
  "errors.jury_off": "The blind jury is turned off here (CALIBRATION_SAMPLE is `off`).",
  "errors.jury_item_not_found": "There is no jury item {id} in this server. Use /jury next for your next one.",
  "errors.jury_sample_closed":
    "Jury item #{id} belongs to an epoch that has closed: its agreement is already in the distribution. Use /jury next.",
  "errors.jury_own_contribution":
    "You cannot score jury item {id}: it is your own contribution, and nobody judges their own work.",
  "errors.jury_conflicted":
    "You cannot score jury item {id}: its author has linked `{address}`, a wallet you have linked too, so you are conflicted.",
  "errors.jury_mentee":
    "You cannot score jury item {id}: you mentor its author, and a jury score can change your mentor's share.",
  "errors.jury_already_reviewed": "You already scored jury item {id}. Each juror scores an item once.",
  "errors.jury_invalid_scores": "Give every criterion a whole number from 0 to 10: {criteria}.",
  "errors.unknown_job": "There is no job named `{job}`. Known jobs: {known}.",
  "errors.proposal_not_found": "There is no proposal #{id} in this server.",
  "errors.nothing_to_retry":
    "Proposal #{id} has no failed payout to retry (it is {status}). `/payout status proposal:{id}` shows where it is.",
  "errors.proposal_not_draft": "Proposal #{id} is already {status}: only a draft can be opened for votes.",
  "errors.invalid_voting_setup.basic_choices":
    "The vote cannot open: basic votes always offer For, Against and Abstain; choices are for the other types.",
  "errors.invalid_voting_setup.choice_count":
    'The vote cannot open: a {type} vote needs {min} to {max} choices, separated by ; ({payout, select, yes {choice 1 is the payout as posted, e.g. "Pay as posted;Do not pay{ranked, select, yes {;Option C} other {}}"} other {e.g. "Option A;Option B{ranked, select, yes {;Option C} other {}}"}}).',
  "errors.invalid_voting_setup.duplicate_choice": "The vote cannot open: two choices have the same label.",
  "errors.invalid_voting_setup.choice_too_long":
    'The vote cannot open: choice "{choice}…" is longer than {max} characters.',
  "errors.invalid_voting_setup.period_range": "The vote cannot open: the voting period must be between 1s and 90d.",
  "errors.invalid_voting_setup.period_format":
    'The vote cannot open: "{input}" is not a period: write it like 30m, 48h or 7d.',
  "errors.invalid_policy_change.weights_empty":
    "That policy cannot be proposed: give a weight for each criterion ({names}), e.g. `{example}`.",
  "errors.invalid_policy_change.weights_format":
    'That policy cannot be proposed: "{detail}" is not `criterion=weight`: write them like `{example}`.',
  "errors.invalid_policy_change.unknown_criterion":
    'That policy cannot be proposed: "{detail}" is not a criterion of the active rubric (its criteria: {names}).',
  "errors.invalid_policy_change.duplicate_criterion": "That policy cannot be proposed: {detail} is given twice.",
  "errors.invalid_policy_change.weight_not_positive":
    "That policy cannot be proposed: {detail}'s weight must be above 0 (a criterion nobody should weigh is a rubric change, not a weight).",
  "errors.invalid_policy_change.missing_criterion":
    "That policy cannot be proposed: no weight for {detail}: give one for each of {names}.",
  "errors.invalid_policy_change.weights_sum":
    "That policy cannot be proposed: the weights add up to {detail}, not 1 (they are shares of the score).",
  "errors.invalid_policy_change.cap_zero": "That policy cannot be proposed: the cap per contribution must be above 0.",
  "errors.invalid_policy_change.model_name":
    'That policy cannot be proposed: "{detail}" is not a model name (letters, digits and . _ : / @ -, at most 100 characters).',
  "errors.invalid_policy_change.prompt_version":
    'That policy cannot be proposed: Steward has no prompt "{detail}" (it has: {names}).',
  "errors.invalid_policy_change.no_llm":
    "That policy cannot be proposed: the active evaluator is the offline rubric, which has no model or prompt to change.",
  "errors.invalid_policy_change.no_change":
    "That policy cannot be proposed: it is the same as the active policy: change a weight, the cap, the model or the prompt version.",
  "errors.payout_needs_recipient":
    "Proposal #{id} asks for a budget but names no recipient address, so there is nothing to pay. Submit a new proposal with the amount and the recipient's address.",
  "errors.electorate_unavailable.members_intent":
    "I cannot read the server's member list, so the eligible weight cannot be computed: the Server Members intent is off. An admin enables it in the Discord Developer Portal → the application → Bot → Privileged Gateway Intents; then open the vote again.",
  "errors.electorate_unavailable.offline":
    "The server's member list is not available right now, so the eligible weight cannot be computed. Try again in a minute.",
  "errors.vote_closed.draft": "Proposal #{id} is not open for votes yet.",
  "errors.vote_closed":
    "Voting on proposal #{id} is closed{ended, select, yes { (it ended <t:{endedAt}:R>)} other {}}; it is {status}. Your vote was not recorded.",
  "errors.invalid_vote":
    "That is not a valid vote on proposal #{id}: {votingType, select, basic {pick For, Against or Abstain} single_choice {pick exactly one of the choices} approval {approve any of the choices, each at most once} ranked_choice {rank every choice exactly once} other {give at least one choice a positive number of points}}.",
  "errors.not_eligible.bot": "You cannot vote on this proposal: bots do not vote.",
  "errors.not_eligible.roles": "You cannot vote on this proposal: voting needs one of these roles: {roles}.",
  "errors.not_eligible.too_new":
    "You cannot vote on this proposal: members vote after {after} in the server; you can vote from {from}.",
  "errors.no_voting_power.erc20":
    "You have no voting power on this proposal: votes are weighed by the token balance of your linked wallet at the proposal's snapshot block, and yours was 0 (or no wallet was linked). Link one with `/wallet link` for the next proposals.",
  "errors.no_voting_power.roles":
    "You have no voting power on this proposal: none of your roles carries a vote weight.",
  "errors.not_a_payout": "Proposal #{id} pays nothing, so it needs no approval.",
  "errors.approval_not_pending":
    "Proposal #{id} is {status}, not awaiting approval, so it cannot be approved or rejected now.",
  "errors.already_approved":
    "You already approved proposal #{id} ({approvals} of {required} approvals). Each moderator approves once.",
  "errors.own_payout":
    "You cannot approve proposal #{id}: your wallet `{address}` receives a payout in it. Another moderator must approve.",
  "errors.own_contribution":
    "You cannot {action, select, override {override the evaluation of} clear {clear the flagged evaluation of} other {decide the appeal on}} contribution #{id}: it is your own, and nobody decides their own reward. Another moderator must do it.",
  "errors.contribution_pays_you":
    "You cannot {action, select, override {override the evaluation of} clear {clear the flagged evaluation of} other {decide the appeal on}} contribution #{id}: its reward goes to `{address}`, a wallet you have linked, and nobody decides their own reward. Another moderator must do it.",
  "errors.mentee_contribution":
    "You cannot {action, select, override {override the evaluation of} clear {clear the flagged evaluation of} other {decide the appeal on}} contribution #{id}: you mentor its author, and a mentor's share comes from their newcomer's first reward, so nobody decides it who earns from it. Another moderator must do it.",
  "errors.contribution_withdrawn":
    "Contribution #{id} was withdrawn by its author, so there is nothing to {action, select, override {override the evaluation of} clear {clear the flagged evaluation of} other {decide the appeal on}}: it pays nothing.",
  "errors.contribution_in_distribution":
    "Contribution #{id}'s reward is already in epoch {epoch}'s distribution{hasProposal, select, yes { (proposal #{proposalId}, {proposalStatus})} other {}}, so its evaluation can no longer change: you cannot {action, select, override {override the evaluation of} clear {clear the flagged evaluation of} other {decide the appeal on}} it. What was voted is what is paid.",
  "errors.invalid_component":
    "This button or menu does not belong to anything Steward knows. Use the command instead (see /help).",
  "errors.pager_expired":
    "This list's filter was too long to keep in its buttons and Steward has restarted since: run `{command}` again.",
  "errors.not_flagged":
    "Contribution #{id}'s evaluation is not flagged for review, so there is nothing to clear. Use `/evaluation override` to change it.",
  "errors.already_reviewed": "Contribution #{id}'s evaluation was already cleared by <@{reviewerId}>.",
  "errors.impossible_spec": "`{value}` is not a possible {field}: give a whole number from {min} to {max}.",
  "errors.invalid_price":
    "`{input}` is not a valid price: give a number of tokens above 0 such as 2.5 (at most {decimals} decimals).",
  "errors.invalid_region":
    "`{input}` is not a region Steward knows the format of: write it like `eu-west`, `us-east-1` or `ap-southeast-2` (area code, direction, optional zone number).",
  "errors.gpu_count_without_model":
    "You gave {count} GPU(s) but no GPU model. Give the model (e.g. `H200`), or `none` with gpu_count 0 and vram_gb 0 for a CPU-only node.",
  "errors.provider_needs_wallet":
    "Node rewards are paid to your verified wallet, and you have none yet. Run `/wallet link` first, then register the node.",
  "errors.too_many_nodes":
    "You already have {max} nodes registered, the most one provider may have. Retire one with `/node retire` first.",
  "errors.node_key_in_use":
    "The key `{publicKey}` already belongs to node #{nodeId}: each node needs its own key. Start the agent with another key file to get a new one.",
  "errors.node_not_found": "There is no node #{id} in this server.",
  "errors.not_your_node": "Node #{id} is not yours: only its provider can change or retire it.",
  "errors.node_is_retired": "Node #{id} is retired, so it can no longer be changed.",
  "errors.nothing_to_update": "Nothing to update: give a new price, region or description.",
  "errors.no_fitting_offer.nearest":
    "No online offer fits this request, so nothing was stored. The nearest:\n{nearest}",
  "errors.no_fitting_offer.none":
    "No online offer fits this request, so nothing was stored. No node is registered yet.",
  "errors.compute_request_not_found": "There is no compute request #{id} in this server.",
  "errors.not_your_request": "Compute request #{id} is not yours: only the member who asked can choose an offer.",
  "errors.offer_gone":
    "Node #{nodeId} no longer fits your request ({problems}). Ask again with `/compute request` to see what fits now.",
  "errors.own_node_lease":
    "Node #{nodeId} is your own (it pays a wallet you have linked): you cannot lease it to yourself and be paid for it.",
  "errors.lease_not_found": "There is no lease #{id} in this server.",
  "errors.own_lease_approval":
    "You cannot approve lease #{id}: you are its requester or its provider, or have linked the provider's wallet. Another moderator must approve it.",
  "errors.not_lease_provider": "Only the provider of lease #{id}'s node can accept or decline it.",
  "errors.not_lease_party": "Lease #{id} is not yours: only its requester or its provider can end it.",
  "errors.lease_not_in_state": "Lease #{id} is {status}, not {expected}, so that can no longer be done.",
  "errors.github_off":
    "Linking a GitHub account is not set up on this Steward (no GitHub OAuth app is configured). Your code links count as you describe them.",
  "errors.github_unreachable":
    "GitHub did not answer, so no code could be asked for. Nothing was changed: please try `/github link` again in a minute.",
  "errors.github_not_linked": "You have no GitHub account linked. Link one with `/github link`.",
  "errors.github_login_needed":
    "This Steward has no GitHub OAuth app, so link your account with a gist instead: run `/github link login:<your GitHub login>` and Steward gives you a text to put in a public gist.",
  "errors.github_login_invalid":
    '"{login}" is not a GitHub login (letters, digits and single hyphens, at most 39 characters). Nothing was changed.',
  "errors.github_user_unknown": "GitHub has no user @{login}. Check the spelling of your login; nothing was changed.",
  "errors.github_gist_none":
    "You have no gist challenge waiting. Run `/github link login:<your GitHub login>` to get one.",
  "errors.github_gist_expired":
    "Your challenge for @{login} expired before Steward found it in a gist. Nothing was linked: run `/github link login:{login}` for a new one.",
  "errors.github_gist_unreachable":
    "GitHub did not answer, so your gists could not be read. Nothing was changed: please try again in a minute.",
  "errors.github_draft_not_found":
    "Draft #{id} is not yours: only the member whose merged pull request it was drafted from can submit or discard it.",
  "errors.github_draft_decided": "Draft #{id} was already {status}: nothing was changed.",
  "errors.github_taken":
    "GitHub account @{login} is already linked to another member of this server: each GitHub account can belong to one member only. Nothing was linked.",
  "errors.foreignGuild": "Steward is not set up for this server.",
  "errors.discordFailure.http": "Discord failed (it answered HTTP {status})",
  "errors.discordFailure.timeout": "Discord did not answer in time",
  "errors.discordFailure.unreachable": "Discord could not be reached",
  "errors.postFailure.not_connected": "the bot is not connected to Discord",
  "errors.postFailure.no_channel": "there is no text channel named #{channel} (create it, or set the channel setting)",
  "errors.postFailure.missing_permissions": "{count, plural, other {I lack {permissions} there}}",
  "errors.postFailure.discord_failing": "Discord is failing (it answered HTTP {status})",
  "errors.postFailure.timeout": "Discord did not answer in time",
  "errors.postFailure.unreachable": "Discord could not be reached",
  "errors.postFailure.no_view_channel": "I cannot see that channel (I lack View Channel there)",
  "errors.postFailure.missing_access": "I lack a permission there (Discord answered Missing Permissions)",
  "errors.postFailure.channel_gone": "the channel no longer exists",
  "errors.postFailure.message_gone": "the message I was updating was deleted",
  "errors.postFailure.invalid_message":
    "Discord refused the message as invalid (a bug on our side: the log has the details)",
  "errors.postFailure.steward_error": "an error on Steward's side (the log has the details)",
  "errors.postFailure.subject_gone": "what it showed no longer exists",
  "errors.permission":
    "{name, select, View_Channel {View Channel} Send_Messages {Send Messages} Embed_Links {Embed Links} Read_Message_History {Read Message History} other {{name}}}",
} as const;
