const DISCORD_EPOCH = 1_420_070_400_000n;
let sequence = 0n;

/** A Discord-style snowflake id: milliseconds since Discord's epoch, shifted, plus a counter. */
export function snowflake(at = Date.now()): string {
  sequence = (sequence + 1n) & 0xfffn;
  return (((BigInt(at) - DISCORD_EPOCH) << 22n) | (1n << 17n) | sequence).toString();
}
