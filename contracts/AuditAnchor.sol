// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Publishes the head of Steward's audit hash chain where whoever runs Steward's database cannot take it
/// back. Anyone may anchor; a verifier trusts only the anchors of the account it knows (`by`), so there is no owner
/// and nothing to configure. `steward audit verify` reads every `Anchored` event and checks the database's chain
/// still holds `head` at `sequence`: a history rewritten end to end then fails, even when internally consistent.
contract AuditAnchor {
    event Anchored(address indexed by, uint256 indexed sequence, bytes32 head);

    function anchor(uint256 sequence, bytes32 head) external {
        emit Anchored(msg.sender, sequence, head);
    }
}
