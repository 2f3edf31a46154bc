// SPDX-License-Identifier: MIT
pragma solidity ^0.8.24;

/// @notice Checks an ERC-6492 signature — a smart account's ERC-1271 signature wrapped with the call that deploys the
/// account (or makes it ready) — in one `eth_call` with nothing deployed on chain: the call's data is this contract's
/// creation code followed by `abi.encode(account, hash, signature)`, and the code this "deployment" returns is one
/// byte, the verdict. The call is never mined, so whatever the wrapped call deploys vanishes with it.
/// Steward's own implementation of the ERC's verifier order; not deployed anywhere.
contract Erc6492Validator {
    bytes32 private constant ERC6492_SUFFIX = 0x6492649264926492649264926492649264926492649264926492649264926492;
    /// `isValidSignature(bytes32,bytes)`'s selector, which ERC-1271 also makes its success value.
    bytes4 private constant ERC1271_MAGIC = 0x1626ba7e;

    uint8 private constant REFUSED = 0;
    uint8 private constant VALID = 1;
    /// The wrapped call failed and the account has no code.
    uint8 private constant DEPLOY_FAILED = 2;
    /// The wrapped call succeeded but left no code at the account's address (it deploys another account).
    uint8 private constant NOT_DEPLOYED = 3;
    /// The signature does not end with ERC-6492's suffix.
    uint8 private constant NOT_WRAPPED = 4;

    constructor(address account, bytes32 hash, bytes memory signature) {
        uint8 verdict = _verdict(account, hash, signature);
        assembly ("memory-safe") {
            mstore8(0, verdict)
            return(0, 1)
        }
    }

    function _verdict(address account, bytes32 hash, bytes memory signature) private returns (uint8) {
        uint256 length = signature.length;
        if (length < 32) return NOT_WRAPPED;
        bytes32 suffix;
        assembly ("memory-safe") {
            suffix := mload(add(signature, length))
        }
        if (suffix != ERC6492_SUFFIX) return NOT_WRAPPED;
        // Shorten the bytes in place: what precedes the suffix is abi.encode(factory, factoryCalldata, signature).
        assembly ("memory-safe") {
            mstore(signature, sub(length, 32))
        }
        (address factory, bytes memory factoryCalldata, bytes memory inner) =
            abi.decode(signature, (address, bytes, bytes));
        // The ERC's order: an account deployed since it signed is asked as it is now (its owners may have changed);
        // only when it refuses is the wrapped call made — it may be a "prepare" call — and the account asked again.
        if (account.code.length > 0 && _accepts(account, hash, inner)) return VALID;
        (bool called,) = factory.call(factoryCalldata);
        if (account.code.length == 0) return called ? NOT_DEPLOYED : DEPLOY_FAILED;
        return _accepts(account, hash, inner) ? VALID : REFUSED;
    }

    /// ERC-1271: only the exact magic value, ABI-encoded as a bytes4 word, means yes; a revert means no.
    function _accepts(address account, bytes32 hash, bytes memory signature) private view returns (bool) {
        (bool ok, bytes memory answer) = account.staticcall(abi.encodeWithSelector(ERC1271_MAGIC, hash, signature));
        return ok && answer.length >= 32 && abi.decode(answer, (bytes32)) == bytes32(ERC1271_MAGIC);
    }
}
