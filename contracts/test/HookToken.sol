// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice An ERC-777-style token for tests: after moving the tokens, a transfer calls the recipient's
/// `tokensReceived` hook when the recipient registered one (ERC-777 looks it up in the ERC-1820 registry), and
/// reverts when the hook does. So the recipient, not the token, decides whether a transfer to it succeeds.
contract HookToken {
    mapping(address => uint256) public balanceOf;
    mapping(address => mapping(address => uint256)) public allowance;
    /// @notice Accounts that registered a receive hook (each for itself, as in ERC-1820).
    mapping(address => bool) public hasHook;

    event Transfer(address indexed from, address indexed to, uint256 value);
    event Approval(address indexed owner, address indexed spender, uint256 value);

    constructor(address holder, uint256 supply) {
        balanceOf[holder] = supply;
        emit Transfer(address(0), holder, supply);
    }

    function registerHook() external {
        hasHook[msg.sender] = true;
    }

    function approve(address spender, uint256 value) external returns (bool) {
        allowance[msg.sender][spender] = value;
        emit Approval(msg.sender, spender, value);
        return true;
    }

    function transfer(address to, uint256 value) external returns (bool) {
        _move(msg.sender, to, value);
        return true;
    }

    function transferFrom(address from, address to, uint256 value) external returns (bool) {
        allowance[from][msg.sender] -= value;
        _move(from, to, value);
        return true;
    }

    function _move(address from, address to, uint256 value) private {
        balanceOf[from] -= value;
        balanceOf[to] += value;
        emit Transfer(from, to, value);
        if (hasHook[to]) HookReceiver(to).tokensReceived(from, to, value);
    }
}

/// @notice A recipient contract for HookToken, which registers its hook: accepts, refuses (reverts), burns all its gas,
/// sends something back or calls back in it.
contract HookReceiver {
    uint8 public constant ACCEPT = 0;
    uint8 public constant REFUSE = 1;
    uint8 public constant BURN_GAS = 2;
    /// Accepts, and sends 1 token unit back to the sender (a donation the sender did not expect).
    uint8 public constant DONATE = 3;
    /// Makes the call set by `setCall` (e.g. back into the payer) and fails when it fails.
    uint8 public constant CALL_BACK = 4;
    uint8 public immutable mode;
    uint256 public received;
    address public callTarget;
    bytes public callData;

    constructor(uint8 mode_, HookToken token) {
        mode = mode_;
        token.registerHook();
    }

    function setCall(address target, bytes calldata data) external {
        callTarget = target;
        callData = data;
    }

    function tokensReceived(address from, address, uint256 amount) external {
        if (mode == REFUSE) revert("HookReceiver: refused");
        if (mode == DONATE) HookToken(msg.sender).transfer(from, 1);
        if (mode == CALL_BACK) {
            (bool ok, bytes memory answer) = callTarget.call(callData);
            if (!ok) {
                assembly {
                    revert(add(answer, 0x20), mload(answer))
                }
            }
        }
        if (mode == BURN_GAS) {
            // Consumes everything it is given, as a hostile or buggy hook can.
            for (uint256 i; ; ++i) {
                received += i;
            }
        }
        received += amount;
    }
}
