// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Ownable2Step, Ownable} from "@openzeppelin/contracts/access/Ownable2Step.sol";
import {IERC20} from "@openzeppelin/contracts/token/ERC20/IERC20.sol";
import {SafeERC20} from "@openzeppelin/contracts/token/ERC20/utils/SafeERC20.sol";

/// @notice Pays a voted reward batch from the DAO's treasury, each chunk exactly once, whatever the off-chain
/// database believes: `settled[batchId]` is written before any transfer and a second call reverts.
/// @dev `batchId` = keccak256(abi.encode(batchHash, chunkIndex)), computed off-chain from the voted batch.
/// Each payout is one 32-byte word: the amount in the high 96 bits, the recipient in the low 160 bits (halves the
/// calldata). The total is pulled from the treasury once, then paid out from this contract's balance.
contract StewardDistributor is Ownable2Step {
    using SafeERC20 for IERC20;

    /// @notice The account that pays out (Steward's settlement key); set by the owner (the DAO).
    address public operator;
    /// @notice Where the tokens come from; it approves this contract for at least each chunk's total.
    address public immutable treasury;
    mapping(bytes32 batchId => bool) public settled;

    event Settled(bytes32 indexed batchId, address indexed token, uint256 count, uint256 total);
    event OperatorChanged(address indexed previous, address indexed next);

    error NotOperator(address caller);
    error AlreadySettled(bytes32 batchId);
    error EmptyBatch();
    error ZeroAddress(uint256 index);
    error ZeroAmount(uint256 index);
    error TotalMismatch(uint256 declared, uint256 actual);

    constructor(address owner_, address operator_, address treasury_) Ownable(owner_) {
        if (operator_ == address(0)) revert ZeroAddress(0);
        if (treasury_ == address(0)) revert ZeroAddress(0);
        operator = operator_;
        treasury = treasury_;
        emit OperatorChanged(address(0), operator_);
    }

    function setOperator(address next) external onlyOwner {
        if (next == address(0)) revert ZeroAddress(0);
        emit OperatorChanged(operator, next);
        operator = next;
    }

    /// @param payouts amount << 160 | recipient, one word each.
    /// @param total the sum of the amounts: pulled from the treasury before paying, checked against the payouts.
    function settle(bytes32 batchId, address token, uint256[] calldata payouts, uint256 total) external {
        if (msg.sender != operator) revert NotOperator(msg.sender);
        if (settled[batchId]) revert AlreadySettled(batchId);
        uint256 count = payouts.length;
        if (count == 0) revert EmptyBatch();
        if (token == address(0)) revert ZeroAddress(0);
        settled[batchId] = true;
        IERC20(token).safeTransferFrom(treasury, address(this), total);
        uint256 sum;
        // One word per line: amount << 160 | recipient. The loop and each transfer in assembly: SafeERC20's rules
        // (a reverting token's reason passed on; `true` or, from a contract, nothing returned counts as success),
        // without its per-call encoding, bounds checks and return-data copy.
        assembly ("memory-safe") {
            let start := payouts.offset
            let end := add(start, shl(5, count))
            for { let p := start } lt(p, end) { p := add(p, 0x20) } {
                let word := calldataload(p)
                let to := and(word, 0xffffffffffffffffffffffffffffffffffffffff)
                let amount := shr(160, word)
                if iszero(to) {
                    mstore(0x00, 0x6f7807d2) // ZeroAddress(index)
                    mstore(0x20, shr(5, sub(p, start)))
                    revert(0x1c, 0x24)
                }
                if iszero(amount) {
                    mstore(0x00, 0x9af70448) // ZeroAmount(index)
                    mstore(0x20, shr(5, sub(p, start)))
                    revert(0x1c, 0x24)
                }
                // Below 2^96 each, a few thousand lines at most: the sum cannot overflow.
                sum := add(sum, amount)
                // transfer(to, amount) from scratch space: selector at 0x10, `to` at 0x14, `amount` at 0x34 (its
                // word overlaps the free memory pointer's high bytes, which are zero and restored below).
                mstore(0x14, to)
                mstore(0x34, amount)
                mstore(0x00, 0xa9059cbb000000000000000000000000)
                let ok := call(gas(), token, 0, 0x10, 0x44, 0x00, 0x20)
                if iszero(and(eq(mload(0x00), 1), ok)) {
                    if iszero(ok) {
                        returndatacopy(0x00, 0x00, returndatasize())
                        revert(0x00, returndatasize())
                    }
                    if or(returndatasize(), iszero(extcodesize(token))) {
                        mstore(0x00, 0x5274afe7) // SafeERC20FailedOperation(token)
                        mstore(0x20, token)
                        revert(0x1c, 0x24)
                    }
                }
            }
            mstore(0x34, 0)
        }
        if (sum != total) revert TotalMismatch(total, sum);
        emit Settled(batchId, token, count, total);
    }
}
