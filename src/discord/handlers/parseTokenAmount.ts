import { parseUnits } from "ethers";
import { UserError } from "../../services/errors.ts";

/** An amount typed in whole tokens ("50", "12.5"), in the token's smallest unit; anything else is refused in words. */
export function parseTokenAmount(input: string, decimals: number): bigint {
  const text = input.trim();
  if (!/^\d+(\.\d+)?$/.test(text)) throw new UserError("invalid_reward", { input: text, decimals });
  try {
    return parseUnits(text, decimals);
  } catch {
    throw new UserError("invalid_reward", { input: text, decimals });
  }
}
