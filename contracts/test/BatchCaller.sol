// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Test stand-in for a Safe executing a batch (its MultiSend): several calls in one transaction, each must
/// succeed. Made the distributor's operator, it settles several chunks at once as a Safe's "add to batch" does.
contract BatchCaller {
    error CallFailed(uint256 index, bytes reason);

    function run(address[] calldata targets, bytes[] calldata data) external {
        for (uint256 i = 0; i < targets.length; i++) {
            (bool ok, bytes memory reason) = targets[i].call(data[i]);
            if (!ok) revert CallFailed(i, reason);
        }
    }
}
