import type { Filter, JsonRpcProvider, Log } from "ethers";

/** What providers accept in one eth_getLogs (Alchemy, Infura and public nodes cap ranges near this). */
export const LOG_RANGE = 10_000;

/** A provider saying the range (or the answer) is too large: the range is halved and asked again. */
const RANGE_REFUSAL =
  /range|too (many|large)|limit exceeded|exceed(s|ed)? .*(block|result|response)|query returned more than|10000|-32005|-32602/i;

/**
 * The logs matching `filter` from `fromBlock` to the head, asked in ranges of at most `step` blocks, newest range
 * first, stopping at the first range that has any when `firstOnly` (a batch's Settled event is near the head). A
 * range the provider refuses as too large is halved until it passes (down to one block).
 */
export async function logsInRanges(
  provider: Pick<JsonRpcProvider, "getLogs" | "getBlockNumber">,
  filter: Omit<Filter, "fromBlock" | "toBlock">,
  options: { fromBlock: number; firstOnly?: boolean; step?: number },
): Promise<Log[]> {
  const head = await provider.getBlockNumber();
  let step = options.step ?? LOG_RANGE;
  const found: Log[][] = [];
  let to = head;
  while (to >= options.fromBlock) {
    const from = Math.max(options.fromBlock, to - step + 1);
    let logs: Log[];
    try {
      logs = await provider.getLogs({ ...filter, fromBlock: from, toBlock: to });
    } catch (error) {
      const text = String((error as { error?: { message?: string } })?.error?.message ?? (error as Error)?.message);
      if (step > 1 && RANGE_REFUSAL.test(text)) {
        step = Math.max(1, Math.floor(step / 2));
        continue;
      }
      throw error;
    }
    if (logs.length > 0) {
      found.unshift(logs);
      if (options.firstOnly) break;
    }
    to = from - 1;
  }
  return found.flat();
}
