import type { CatalogOf } from "../catalogOf.ts";
import type { common as source } from "../en/common.ts";

export const common = {
  "common.discordFailedWhileAnswering":
    "我回复时{failure}，所以这条回复可能没有反映实际结果：你请求的操作可能已经完成并保存。再试之前请先确认，以免重复执行。事件编号：`{incidentId}`。",
  "common.unexpectedError":
    "我们这边出了问题，没有做任何更改。如果问题持续出现，请把这个事件编号告诉管理员：`{incidentId}`。",
} as const satisfies CatalogOf<typeof source>;
