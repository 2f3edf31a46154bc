// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ERC20} from "@openzeppelin/contracts/token/ERC20/ERC20.sol";

/// @notice A plain ERC-20 for the sandbox and for DAOs without a token of their own: the whole supply is minted once,
/// to the treasury, at deployment. Nothing can mint, burn or pause afterwards.
contract RewardToken is ERC20 {
    constructor(string memory name_, string memory symbol_, address treasury, uint256 supply) ERC20(name_, symbol_) {
        _mint(treasury, supply);
    }
}
