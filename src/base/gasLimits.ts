/**
 * Gas per recipient measured by `npm run bench:settlement` (fresh recipients, the costlier case: ~25.5k at N=500),
 * with headroom, and the fixed cost of a settle call. A chunk stays under EIP-7825's per-transaction cap (2^24 gas).
 */
const GAS_PER_FRESH_RECIPIENT = 28_000;
const GAS_PER_CALL = 80_000;
const TX_GAS_CAP = 2 ** 24;

/** The most lines one settle transaction carries. */
export const MAX_CHUNK = Math.floor((TX_GAS_CAP * 0.9 - GAS_PER_CALL) / GAS_PER_FRESH_RECIPIENT);
