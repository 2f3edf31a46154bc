import { z } from "zod";

/** An amount in the token's smallest unit: decimal digits of a non-negative integer, no leading zero, no fraction. */
export const unitsString = z.string().regex(/^(0|[1-9][0-9]*)$/, "not a whole number of smallest units");

/** An EVM address, 0x and 40 hex digits (checksummed or not). */
export const addressString = z.string().regex(/^0x[0-9a-fA-F]{40}$/, "not an address");
