// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice An ERC-20 for tests whose `transfer` misbehaves for chosen recipients, one way each (`modeOf`):
/// the ways a recipient's line can fail, or look odd and still pay. transferFrom (the distributor's pull) is plain.
contract TrickyToken {
    uint8 public constant NORMAL = 0;
    /// Reverts with a short reason (a blacklist, a paused token, a receive hook that refuses).
    uint8 public constant REVERT = 1;
    /// Returns false and moves nothing (old tokens).
    uint8 public constant RETURN_FALSE = 2;
    /// Burns all the gas it is given (a receive hook in an endless loop).
    uint8 public constant BURN_GAS = 3;
    /// Reverts with `bombSize` bytes of revert data: a return-data bomb.
    uint8 public constant REVERT_BOMB = 4;
    /// Pays and returns `true` followed by `bombSize` bytes: a return-data bomb on success.
    uint8 public constant SUCCESS_BOMB = 5;
    /// Pays and returns nothing (USDT-style).
    uint8 public constant RETURN_NOTHING = 6;
    /// Returns 2, neither true nor false, and moves nothing.
    uint8 public constant RETURN_TWO = 7;
    /// Pays, and emits a log shaped like the distributor's Settled and LineHeld (a forgery decoders must ignore).
    uint8 public constant FORGE_EVENTS = 8;
    /// Pays, then returns false: a failure that moved the tokens anyway (a broken token).
    uint8 public constant PAY_AND_RETURN_FALSE = 9;
    /// Pays when given at least 90,000 gas (most of a line's budget), else reverts at once, leaving the rest unused:
    /// a payable line that only too low a gas limit could make fail.
    uint8 public constant NEEDS_GAS = 10;

    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    mapping(address => uint8) public modeOf;
    uint256 public bombSize = 150_000;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);
    event Settled(
        bytes32 indexed batchId,
        address indexed token,
        uint256 count,
        uint256 total,
        bytes32 linesHash,
        uint256 heldCount
    );
    event LineHeld(
        bytes32 indexed lineId,
        bytes32 indexed batchId,
        address indexed recipient,
        uint256 index,
        uint256 amount
    );

    constructor(address holder, uint256 supply) {
        balanceOf[holder] = supply;
        emit Transfer(address(0), holder, supply);
    }

    function setModes(address[] calldata accounts, uint8[] calldata modes) external {
        for (uint256 i; i < accounts.length; ++i) modeOf[accounts[i]] = modes[i];
    }

    function setBombSize(uint256 size) external {
        bombSize = size;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        uint8 mode = modeOf[to];
        if (mode == NEEDS_GAS && gasleft() < 90_000) revert("TrickyToken: needs more gas");
        if (mode == REVERT) revert("TrickyToken: refused");
        if (mode == RETURN_FALSE) return false;
        if (mode == RETURN_TWO) {
            assembly {
                mstore(0, 2)
                return(0, 32)
            }
        }
        if (mode == BURN_GAS) {
            for (uint256 i; ; ++i) {}
        }
        uint256 size = bombSize;
        if (mode == REVERT_BOMB) {
            assembly {
                revert(0, size)
            }
        }
        _move(msg.sender, to, value);
        if (mode == SUCCESS_BOMB) {
            assembly {
                mstore(0, 1)
                return(0, size)
            }
        }
        if (mode == RETURN_NOTHING) {
            assembly {
                return(0, 0)
            }
        }
        if (mode == PAY_AND_RETURN_FALSE) return false;
        if (mode == FORGE_EVENTS) {
            emit Settled(keccak256("forged"), address(this), 1, value, bytes32(0), 0);
            emit LineHeld(keccak256("forged line"), keccak256("forged"), to, 0, value);
        }
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
    }
}
