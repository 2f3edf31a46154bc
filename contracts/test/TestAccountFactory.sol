// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {Create2} from "@openzeppelin/contracts/utils/Create2.sol";
import {TestSmartAccount} from "./TestSmartAccount.sol";

/// @notice Deploys TestSmartAccounts with CREATE2, so an account's address is known (and can sign, with ERC-6492)
/// before it exists. Creating an existing account returns it.
contract TestAccountFactory {
    function createAccount(address owner, bytes32 salt) external returns (address account) {
        account = accountAddress(owner, salt);
        if (account.code.length == 0) new TestSmartAccount{salt: salt}(owner);
    }

    function accountAddress(address owner, bytes32 salt) public view returns (address) {
        return Create2.computeAddress(
            salt, keccak256(abi.encodePacked(type(TestSmartAccount).creationCode, abi.encode(owner)))
        );
    }
}
