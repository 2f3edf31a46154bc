import type { CatalogOf } from "../catalogOf.ts";
import type { commands as source } from "../en/commands.ts";

export const commands = {} as const satisfies CatalogOf<typeof source>;
