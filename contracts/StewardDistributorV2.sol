// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable2Step, Ownable} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";
import {ReentrancyGuardTransient} from "@openzeppelin/contracts/utils/ReentrancyGuardTransient.sol";
import {EIP712} from "@openzeppelin/contracts/utils/cryptography/EIP712.sol";
import {SignatureChecker} from "@openzeppelin/contracts/utils/cryptography/SignatureChecker.sol";

/// @notice Pays a voted reward batch from the DAO's treasury, each chunk exactly once (`settled[batchId]` is written
/// before any transfer), where one recipient's failing transfer cannot sink the others: every line is tried with a
/// bounded gas budget, and a line whose transfer reverts, runs out of its budget or returns false is *held* here,
/// recorded on chain, until its recipient claims it (signature), the DAO redirects it, or it goes back to the
/// treasury after `claimPeriod`.
/// @dev Version 2 of StewardDistributor (which stays deployed for intents opened against it). Same shape: the owner
/// is the DAO (its Safe), the operator is Steward's settlement key, `treasury` approves this contract (the allowance
/// is the on-chain cap), `batchId` = keccak256(abi.encode(batchHash, chunkIndex)), one payout per word
/// (`amount << 160 | recipient`).
///
/// Who can move held funds: the recipient (to any address, by signature), the owner (to any address), the operator
/// or owner (back to the treasury only, after the claim period). The operator can never send held funds anywhere
/// else, so a stolen hot key cannot drain what is held.
contract StewardDistributorV2 is Ownable2Step, EIP712, ReentrancyGuardTransient {
    using SafeERC20 for IERC20;

    /// @notice Gas each line's `transfer` may use. A USDC-style transfer (an upgradeable proxy: implementation
    /// slot + delegatecall, paused flag, blacklist of sender and recipient, two balances, one log) to a new holder
    /// uses ~28k inside the loop (the pull has warmed the proxy; traced by test/contracts/distributorV2.test.ts and
    /// bench/distributorGas.ts), ~39k by our count were everything cold; an ERC-777-style registry lookup and
    /// receive hook add ~10-30k. 100k is 2.5x the coldest USDC case: room for repricings of state access (a budget
    /// too small would hold every line). It bounds what a failing line can burn; a line that pays uses what it
    /// uses, so the budget costs the happy path nothing.
    uint256 public constant LINE_GAS = 100_000;
    /// @dev Gas that must be left before a line's call for the callee to get its whole LINE_GAS: the CALL keeps
    /// 1/64 of what remains (EIP-150), and costs up to 2,600 itself (a cold token; it is warm after the pull).
    /// Below this, a failing line proves nothing about the recipient (the transaction was just sent with too little
    /// gas), so the whole call reverts instead of holding the line: too low a gas limit can never turn payable lines
    /// into held ones, and an estimate (the least gas that succeeds) always includes enough for every line.
    /// Written out because inline assembly reads only literal constants: (LINE_GAS * 64) / 63 + 3_000.
    uint256 private constant LINE_GAS_FLOOR = 104_587;

    bytes32 public constant CLAIM_TYPEHASH = keccak256("Claim(bytes32 lineId,address to,uint256 deadline)");

    /// @notice A line whose transfer failed, kept here: two storage slots.
    struct HeldLine {
        address recipient;
        uint96 amount;
        address token;
        uint64 heldAt;
    }

    /// @notice The account that pays out (Steward's settlement key); set by the owner (the DAO).
    address public operator;
    /// @notice Where the tokens come from; it approves this contract for at least each chunk's total.
    address public immutable treasury;
    /// @notice How long a held line is the recipient's alone (claim, or the owner's redirect) before the operator
    /// or owner may return it to the treasury. Until it is returned, it can still be claimed.
    uint256 public immutable claimPeriod;
    mapping(bytes32 batchId => bool) public settled;
    mapping(bytes32 lineId => HeldLine) private _held;
    /// @notice The sum of the lines held in each token: this contract's balance of `token` is at least this.
    mapping(address token => uint256) public totalHeld;

    /// @param linesHash keccak256(abi.encodePacked(payouts)): the exact lines paid, checkable one by one.
    /// @param heldCount how many lines were held (see LineHeld); the others were paid.
    event Settled(
        bytes32 indexed batchId,
        address indexed token,
        uint256 count,
        uint256 total,
        bytes32 linesHash,
        uint256 heldCount
    );
    /// @param lineId keccak256(abi.encode(batchId, index)).
    event LineHeld(
        bytes32 indexed lineId,
        bytes32 indexed batchId,
        address indexed recipient,
        uint256 index,
        uint256 amount
    );
    event Claimed(bytes32 indexed lineId, address indexed recipient, address indexed to, address token, uint256 amount);
    event Redirected(
        bytes32 indexed lineId,
        address indexed recipient,
        address indexed to,
        address token,
        uint256 amount
    );
    event Returned(bytes32 indexed lineId, address indexed recipient, address token, uint256 amount);
    event OperatorChanged(address indexed previous, address indexed next);

    error NotOperator(address caller);
    error NotOperatorOrOwner(address caller);
    error AlreadySettled(bytes32 batchId);
    error EmptyBatch();
    error ZeroAddress(uint256 index);
    error ZeroAmount(uint256 index);
    error ZeroClaimPeriod();
    error TotalMismatch(uint256 declared, uint256 actual);
    error TokenWithoutCode(address token);
    /// @notice The pull of `total` changed this contract's balance by `received`: a fee-on-transfer token (less) or
    /// a rebasing or otherwise non-standard one (more). Either would break the accounting: refused.
    error PullMismatch(uint256 expected, uint256 received);
    /// @notice After paying, this contract holds `actual`, less than the `expected` (its balance before plus the lines
    /// held): the token moved more than it reported (a transfer that returned false yet paid, or a fee charged on
    /// top of the amount). Refused: held lines must stay covered.
    error BalanceShort(uint256 expected, uint256 actual);
    /// @notice Not enough gas was left to give line `index` its whole LINE_GAS: send with more gas.
    error InsufficientGasForLine(uint256 index);
    error NotHeld(bytes32 lineId);
    error ClaimExpired(bytes32 lineId, uint256 deadline);
    error InvalidClaimSignature(bytes32 lineId, address recipient);
    error ClaimPeriodRunning(bytes32 lineId, uint256 returnableAt);
    error InvalidDestination(address to);

    constructor(
        address owner_,
        address operator_,
        address treasury_,
        uint256 claimPeriod_
    ) Ownable(owner_) EIP712("StewardDistributor", "2") {
        if (operator_ == address(0)) revert ZeroAddress(0);
        if (treasury_ == address(0)) revert ZeroAddress(0);
        if (claimPeriod_ == 0) revert ZeroClaimPeriod();
        operator = operator_;
        treasury = treasury_;
        claimPeriod = claimPeriod_;
        emit OperatorChanged(address(0), operator_);
    }

    function setOperator(address next) external onlyOwner {
        if (next == address(0)) revert ZeroAddress(0);
        emit OperatorChanged(operator, next);
        operator = next;
    }

    /// @notice Pays each line, holding those whose transfer fails (reverts, runs out of its LINE_GAS, returns false or
    /// anything but `true` or nothing). Reverts, paying nobody, on what is not a recipient's doing: a settled batch,
    /// an empty one, a zero address or amount, a total that is not the sum, a token without code, one that delivers
    /// other than `total` (fee-on-transfer) or moves more than it reports (BalanceShort), too little gas.
    /// @param payouts amount << 160 | recipient, one word each.
    /// @param total the sum of the amounts: pulled from the treasury before paying, checked against the payouts.
    /// @return heldCount how many lines were held (a preflight's staticCall shows it before anything is sent).
    function settle(
        bytes32 batchId,
        address token,
        uint256[] calldata payouts,
        uint256 total
    ) external nonReentrant returns (uint256 heldCount) {
        // nonReentrant: a recipient's hook runs inside the loop; it cannot claim, redirect or return a held line
        // meanwhile (its transfer would fail and its line be held), so the balance check below sees this chunk only.
        if (msg.sender != operator) revert NotOperator(msg.sender);
        if (settled[batchId]) revert AlreadySettled(batchId);
        uint256 count = payouts.length;
        if (count == 0) revert EmptyBatch();
        settled[batchId] = true;
        uint256 before = _pull(token, total);

        bytes32 linesHash;
        uint256 sum;
        uint256[] memory heldIndices;
        assembly ("memory-safe") {
            // The rare paths, out of line (a call costs nothing until taken).

            /// A zero address or amount: the whole call reverts, ZeroAddress(index) (0x6f7807d2) or
            /// ZeroAmount(index) (0x9af70448), as version 1 reports them.
            function refuseLine(word, index) {
                mstore(0x00, 0x6f7807d2)
                if shl(96, word) {
                    mstore(0x00, 0x9af70448)
                }
                mstore(0x20, index)
                revert(0x1c, 0x24)
            }
            /// A line whose transfer failed: held (its index appended to `list`, a uint256[] being built), unless
            /// the line had less than its whole budget, `g` being the gas left just before its call: then the
            /// failure may be ours, and the whole call reverts InsufficientGasForLine(index) (0x0c611f8d).
            function holdLine(g, index, list, held) -> heldAfter {
                if lt(g, LINE_GAS_FLOOR) {
                    mstore(0x00, 0x0c611f8d)
                    mstore(0x20, index)
                    revert(0x1c, 0x24)
                }
                heldAfter := add(held, 1)
                mstore(add(list, shl(5, heldAfter)), index)
            }

            let size := shl(5, count)
            // The lines' hash, from a copy at the free memory; that memory then holds the held lines' indices
            // (a uint256[] allocated at the end), so nothing is allocated on the happy path.
            heldIndices := mload(0x40)
            calldatacopy(heldIndices, payouts.offset, size)
            linesHash := keccak256(heldIndices, size)
            let held := 0
            let start := payouts.offset
            let end := add(start, size)
            let p := start
            let word, amount, g, ok
            // Each line, in the same words three times below (two per iteration, then the odd last one): the
            // loop's own jumps and tests cost once per pair. Per line:
            // - amount and recipient from one word; a zero one reverts the whole call.
            // - The sum, checked against `total` after the loop. Below 2^96 each, a few thousand lines at most: it
            //   cannot overflow.
            // - transfer(to, amount) from scratch space: selector at 0x10, `to` at 0x14, `amount` at 0x34. The
            //   whole word goes to 0x14: its amount bytes (0x14-0x1f) are then cleared by the selector word, which
            //   leaves the recipient zero-padded. The amount's word overlaps the free memory pointer's high bytes
            //   (zero; the pointer is rewritten after the loop). The selector word is written last: it also clears
            //   the return slot (0x00), so a short return cannot leave a stale `true` from the line before.
            // - At most LINE_GAS to the token and at most 32 bytes of its answer copied: a reverting, gas-burning
            //   or return-data-bombing transfer costs the loop no more than its budget (nothing is ever
            //   returndatacopy'd, so a huge answer costs only the callee, within its budget).
            // - Not the plain `true`: paid anyway when the call succeeded returning nothing from a contract
            //   (USDT-style tokens); held when it reverted, returned false or anything else.
            // A pair remains while p + 0x20 < end (count >= 1, so end - 0x20 >= start).
            let lastPair := sub(end, 0x20)
            for {} lt(p, lastPair) {
                p := add(p, 0x40)
            } {
                word := calldataload(p)
                amount := shr(160, word)
                if or(iszero(shl(96, word)), iszero(amount)) {
                    refuseLine(word, shr(5, sub(p, start)))
                }
                sum := add(sum, amount)
                mstore(0x14, word)
                mstore(0x34, amount)
                mstore(0x00, 0xa9059cbb000000000000000000000000)
                g := gas()
                ok := call(LINE_GAS, token, 0, 0x10, 0x44, 0x00, 0x20)
                if iszero(and(eq(mload(0x00), 1), ok)) {
                    if or(iszero(ok), or(returndatasize(), iszero(extcodesize(token)))) {
                        held := holdLine(g, shr(5, sub(p, start)), heldIndices, held)
                    }
                }
                word := calldataload(add(p, 0x20))
                amount := shr(160, word)
                if or(iszero(shl(96, word)), iszero(amount)) {
                    refuseLine(word, add(shr(5, sub(p, start)), 1))
                }
                sum := add(sum, amount)
                mstore(0x14, word)
                mstore(0x34, amount)
                mstore(0x00, 0xa9059cbb000000000000000000000000)
                g := gas()
                ok := call(LINE_GAS, token, 0, 0x10, 0x44, 0x00, 0x20)
                if iszero(and(eq(mload(0x00), 1), ok)) {
                    if or(iszero(ok), or(returndatasize(), iszero(extcodesize(token)))) {
                        held := holdLine(g, add(shr(5, sub(p, start)), 1), heldIndices, held)
                    }
                }
            }
            if lt(p, end) {
                word := calldataload(p)
                amount := shr(160, word)
                if or(iszero(shl(96, word)), iszero(amount)) {
                    refuseLine(word, shr(5, sub(p, start)))
                }
                sum := add(sum, amount)
                mstore(0x14, word)
                mstore(0x34, amount)
                mstore(0x00, 0xa9059cbb000000000000000000000000)
                g := gas()
                ok := call(LINE_GAS, token, 0, 0x10, 0x44, 0x00, 0x20)
                if iszero(and(eq(mload(0x00), 1), ok)) {
                    if or(iszero(ok), or(returndatasize(), iszero(extcodesize(token)))) {
                        held := holdLine(g, shr(5, sub(p, start)), heldIndices, held)
                    }
                }
            }
            // heldIndices becomes a proper uint256[] (length, then the indices) and is allocated.
            mstore(heldIndices, held)
            mstore(0x40, add(heldIndices, shl(5, add(held, 1))))
        }
        if (sum != total) revert TotalMismatch(total, sum);
        heldCount = heldIndices.length;
        uint256 heldSum = heldCount == 0 ? 0 : _hold(batchId, token, payouts, heldIndices);
        // What was here before plus the lines just held must still be here: a token that moved more than it said
        // (a transfer that "failed" yet paid, a fee charged on top) would leave held lines uncovered. More is
        // tolerated: a recipient's hook may send tokens here, and refusing that would let it sink the chunk.
        uint256 kept = _balanceOfThis(token);
        if (kept < before + heldSum) revert BalanceShort(before + heldSum, kept);
        emit Settled(batchId, token, count, total, linesHash, heldCount);
    }

    /// @notice The line a failed transfer left here, or zeros when there is none (never held, or already paid).
    function heldLine(
        bytes32 lineId
    ) external view returns (address token, address recipient, uint256 amount, uint256 heldAt) {
        HeldLine memory line = _held[lineId];
        return (line.token, line.recipient, line.amount, line.heldAt);
    }

    /// @notice The EIP-712 digest a held line's recipient signs to have it paid to `to` (until `deadline`).
    function claimDigest(bytes32 lineId, address to, uint256 deadline) public view returns (bytes32) {
        return _hashTypedDataV4(keccak256(abi.encode(CLAIM_TYPEHASH, lineId, to, deadline)));
    }

    /// @notice Pays a held line to `to`, with its recipient's EIP-712 signature of Claim(lineId, to, deadline):
    /// ECDSA for an account without code, EIP-1271 for a contract (a Safe, a smart wallet). Anyone may relay it.
    /// A signature is good once: the line is gone after it (and it names `to`, so a relayer cannot redirect it).
    function claim(bytes32 lineId, address to, uint256 deadline, bytes calldata signature) external nonReentrant {
        HeldLine memory line = _heldOrRevert(lineId);
        if (block.timestamp > deadline) revert ClaimExpired(lineId, deadline);
        _checkDestination(to);
        if (!SignatureChecker.isValidSignatureNowCalldata(line.recipient, claimDigest(lineId, to, deadline), signature))
            revert InvalidClaimSignature(lineId, line.recipient);
        _release(lineId, line);
        emit Claimed(lineId, line.recipient, to, line.token, line.amount);
        IERC20(line.token).safeTransfer(to, line.amount);
    }

    /// @notice The DAO pays a held line to another wallet (one the member linked later, when the original cannot
    /// sign). The owner only: the operator cannot send held funds anywhere but back to the treasury.
    function redirect(bytes32 lineId, address to) external onlyOwner nonReentrant {
        HeldLine memory line = _heldOrRevert(lineId);
        _checkDestination(to);
        _release(lineId, line);
        emit Redirected(lineId, line.recipient, to, line.token, line.amount);
        IERC20(line.token).safeTransfer(to, line.amount);
    }

    /// @notice Sends a held line back to the treasury once `claimPeriod` has passed since it was held.
    function returnHeld(bytes32 lineId) external nonReentrant {
        if (msg.sender != operator && msg.sender != owner()) revert NotOperatorOrOwner(msg.sender);
        HeldLine memory line = _heldOrRevert(lineId);
        uint256 returnableAt = uint256(line.heldAt) + claimPeriod;
        if (block.timestamp < returnableAt) revert ClaimPeriodRunning(lineId, returnableAt);
        _release(lineId, line);
        emit Returned(lineId, line.recipient, line.token, line.amount);
        IERC20(line.token).safeTransfer(treasury, line.amount);
    }

    /// @dev Pulls `total` once and checks it all arrived: measured on this contract's balance, so a token that takes
    /// a fee (or adds anything) is refused before any line is paid, instead of failing the last lines of every chunk.
    /// The balance reads also prove the token has code: an address without code answers nothing.
    /// @return before this contract's balance before the pull.
    function _pull(address token, uint256 total) private returns (uint256 before) {
        before = _balanceOfThis(token);
        IERC20(token).safeTransferFrom(treasury, address(this), total);
        uint256 afterPull = _balanceOfThis(token);
        if (afterPull != before + total) revert PullMismatch(total, afterPull > before ? afterPull - before : 0);
    }

    /// @dev token.balanceOf(this) without ABI helpers: one word asked for, at most one word copied.
    function _balanceOfThis(address token) private view returns (uint256 amount) {
        bool ok;
        assembly ("memory-safe") {
            mstore(0x00, 0x70a08231) // balanceOf(address)
            mstore(0x20, address())
            ok := and(gt(returndatasize(), 0x1f), staticcall(gas(), token, 0x1c, 0x24, 0x00, 0x20))
            amount := mload(0x00)
        }
        if (!ok) {
            // No code: a call "succeeds" and moves nothing (this also refuses address(0)).
            if (token.code.length == 0) revert TokenWithoutCode(token);
            revert SafeERC20.SafeERC20FailedOperation(token);
        }
    }

    /// @dev Records the lines whose transfer failed. After the loop, not in it: the happy path stays free of it,
    /// and nothing can observe the gap (every function that moves tokens is nonReentrant). Their amounts are
    /// already here.
    /// @return heldSum the sum of the lines held.
    function _hold(
        bytes32 batchId,
        address token,
        uint256[] calldata payouts,
        uint256[] memory indices
    ) private returns (uint256 heldSum) {
        uint64 now_ = uint64(block.timestamp);
        for (uint256 k; k < indices.length; ++k) {
            uint256 index = indices[k];
            uint256 word = payouts[index];
            address recipient = address(uint160(word));
            uint96 amount = uint96(word >> 160);
            bytes32 lineId = keccak256(abi.encode(batchId, index));
            // (batchId, index) is unique and batchId settles once: a line id is never held twice.
            _held[lineId] = HeldLine({recipient: recipient, amount: amount, token: token, heldAt: now_});
            heldSum += amount;
            emit LineHeld(lineId, batchId, recipient, index, amount);
        }
        totalHeld[token] += heldSum;
    }

    function _heldOrRevert(bytes32 lineId) private view returns (HeldLine memory line) {
        line = _held[lineId];
        if (line.amount == 0) revert NotHeld(lineId);
    }

    /// @dev Forgets a held line before its transfer (checks-effects-interactions): it can be paid only once.
    function _release(bytes32 lineId, HeldLine memory line) private {
        delete _held[lineId];
        totalHeld[line.token] -= line.amount;
    }

    /// @dev Paying this contract would strand the amount outside any held line; the zero address would burn it.
    function _checkDestination(address to) private view {
        if (to == address(0) || to == address(this)) revert InvalidDestination(to);
    }
}
