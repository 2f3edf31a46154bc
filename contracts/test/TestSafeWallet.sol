// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

import {ECDSA} from "@openzeppelin/contracts/utils/cryptography/ECDSA.sol";
import {MessageHashUtils} from "@openzeppelin/contracts/utils/cryptography/MessageHashUtils.sol";

/// @notice A test stand-in for a Safe, answering ERC-1271 as Safe's CompatibilityFallbackHandler does: asked about
/// `hash`, it checks its owners' signatures of the SafeMessage wrapping it (EIP-712, domain = chain id and this
/// contract), `threshold` signatures of 65 bytes ordered by owner address; v 27/28 signed the EIP-712 digest, v 31/32
/// signed it with eth_sign (personal_sign). A bad signature reverts, as a Safe's does.
contract TestSafeWallet {
    bytes32 private constant DOMAIN_TYPEHASH = keccak256("EIP712Domain(uint256 chainId,address verifyingContract)");
    bytes32 private constant SAFE_MSG_TYPEHASH = keccak256("SafeMessage(bytes message)");

    mapping(address => bool) public isOwner;
    uint256 public immutable threshold;

    error NotOwner(address signer);
    error NotEnoughSignatures(uint256 given, uint256 needed);
    error OwnersNotAscending();

    constructor(address[] memory owners, uint256 threshold_) {
        require(threshold_ >= 1 && threshold_ <= owners.length, "threshold");
        for (uint256 i = 0; i < owners.length; i++) isOwner[owners[i]] = true;
        threshold = threshold_;
    }

    function domainSeparator() public view returns (bytes32) {
        return keccak256(abi.encode(DOMAIN_TYPEHASH, block.chainid, this));
    }

    /// What the owners sign: the SafeMessage whose `message` is the 32-byte hash the wallet is asked about.
    function messageHash(bytes32 hash) public view returns (bytes32) {
        bytes32 structHash = keccak256(abi.encode(SAFE_MSG_TYPEHASH, keccak256(abi.encode(hash))));
        return MessageHashUtils.toTypedDataHash(domainSeparator(), structHash);
    }

    function isValidSignature(bytes32 hash, bytes calldata signatures) external view returns (bytes4) {
        if (signatures.length < threshold * 65) revert NotEnoughSignatures(signatures.length / 65, threshold);
        bytes32 digest = messageHash(hash);
        address last = address(0);
        for (uint256 i = 0; i < threshold; i++) {
            bytes calldata sig = signatures[i * 65:(i + 1) * 65];
            uint8 v = uint8(sig[64]);
            address signer = v > 30
                ? ECDSA.recover(MessageHashUtils.toEthSignedMessageHash(digest), v - 4, bytes32(sig[0:32]), bytes32(sig[32:64]))
                : ECDSA.recover(digest, sig);
            if (!isOwner[signer]) revert NotOwner(signer);
            if (signer <= last) revert OwnersNotAscending();
            last = signer;
        }
        return 0x1626ba7e;
    }
}
