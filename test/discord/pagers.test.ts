import type { APIActionRowComponent, APIButtonComponent } from "discord-api-types/v10";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { stashValue, unstashValue } from "../../src/discord/pagerStash.ts";
import { readTraceId, TRACE_PREFIX, traceCustomId } from "../../src/discord/views/auditTraceViews.ts";
import {
  NODE_LIST_PREFIX,
  type NodeListState,
  nodeListView,
  readNodeListId,
} from "../../src/discord/views/computeViews.ts";
import { contributionListView, LIST_BUTTON_PREFIX, readListId } from "../../src/discord/views/contributionViews.ts";
import { pagerRows } from "../../src/discord/views/pagerRows.ts";
import { translator } from "../../src/i18n/translator.ts";

const token = { symbol: "STEW", decimals: 18 };

/** What the router does with a clicked button: the first `:` part picks the handler, the rest are its arguments. */
function clickable(components: APIActionRowComponent<APIButtonComponent>[], prefix: string) {
  // A disabled button (Previous on page 1) cannot be clicked: its id still must fit, but it asks for nothing.
  const buttons = components.flatMap((r) => r.components);
  for (const b of buttons) expect("custom_id" in b ? b.custom_id.length : 0).toBeLessThanOrEqual(100);
  const ids = buttons.filter((b) => !b.disabled).map((b) => ("custom_id" in b ? b.custom_id : ""));
  expect(ids.length).toBeGreaterThan(0);
  return ids.map((id) => {
    // Discord refuses a custom id over 100 characters (counted either way).
    expect(id.length).toBeLessThanOrEqual(100);
    const [head, ...args] = id.split(":");
    expect(head).toBe(prefix);
    return args;
  });
}

/** Filters as people type them: long, non-ASCII, emoji, the separator and escape characters, and the case found. */
const filterText = fc.oneof(
  fc.constant("RTX A4000 x 2 cards"),
  fc.string({ unit: "grapheme", maxLength: 32 }),
  fc.string({ unit: fc.constantFrom("%", ":", "~", "2", "0", "A", " ", "é", "𝔸"), maxLength: 32 }),
  fc.string({ unit: "binary", maxLength: 32 }),
);

const pageOf = (args: string[]) => args.at(-1);

describe("pagers keep their state in a custom id Discord accepts", () => {
  it("found: the node list cut a percent-encoded GPU filter mid-escape, so page 2 threw", () => {
    const state: NodeListState = { scope: "all", gpu: "RTX A4000 x 2 cards", page: 1 };
    const view = nodeListView(translator("en"), { items: [], total: 12, page: 1, pages: 3 }, state, token, stashValue);
    const next = clickable(view.components, NODE_LIST_PREFIX).at(-1) ?? [];
    expect(readNodeListId(next, unstashValue)).toEqual({ ...state, page: 2, region: undefined, status: undefined });
  });

  it("node list: any filters round-trip to page 2 and back", () => {
    fc.assert(
      fc.property(
        fc.record({
          scope: fc.constantFrom("mine" as const, "all" as const),
          gpu: fc.option(
            filterText.filter((s) => s !== ""),
            { nil: undefined },
          ),
          region: fc.option(
            filterText.filter((s) => s !== ""),
            { nil: undefined },
          ),
          status: fc.constantFrom(
            undefined,
            "pending" as const,
            "online" as const,
            "offline" as const,
            "retired" as const,
          ),
        }),
        fc.integer({ min: 1, max: 99_999 }),
        (filters, pages) => {
          const page = Math.max(1, pages - 1);
          const view = nodeListView(
            translator("en"),
            { items: [], total: pages * 5, page, pages: pages + 1 },
            { ...filters, page },
            token,
            stashValue,
          );
          for (const args of clickable(view.components, NODE_LIST_PREFIX)) {
            const read = readNodeListId(args, unstashValue);
            expect(read).toEqual({ ...filters, page: Number(pageOf(args)) });
          }
        },
      ),
      { numRuns: 500 },
    );
  });

  it("node list: a stashed filter that was lost (restart) is reported, never a different list", () => {
    const gpu = "%:".repeat(16);
    const view = nodeListView(
      translator("en"),
      { items: [], total: 12, page: 1, pages: 3 },
      { scope: "all", gpu, page: 1 },
      token,
      stashValue,
    );
    const next = clickable(view.components, NODE_LIST_PREFIX).at(-1) ?? [];
    expect(readNodeListId(next, unstashValue)).toMatchObject({ gpu, page: 2 });
    expect(readNodeListId(next, () => undefined)).toBe("expired");
  });

  it("node list: garbled custom ids decode to some list or 'expired', never throw", () => {
    fc.assert(
      fc.property(fc.array(fc.string({ unit: "binary", maxLength: 40 }), { maxLength: 6 }), (args) => {
        expect(() => readNodeListId(args, unstashValue)).not.toThrow();
      }),
    );
  });

  it("contribution list: every scope, status and page round-trips", () => {
    fc.assert(
      fc.property(
        fc.constantFrom("mine" as const, "all" as const),
        fc.constantFrom(
          undefined,
          "submitted" as const,
          "evaluating" as const,
          "evaluated" as const,
          "final" as const,
          "withdrawn" as const,
        ),
        fc.integer({ min: 2, max: 2_000_000 }),
        (scope, status, pages) => {
          const page = pages - 1;
          const view = contributionListView(
            translator("en"),
            { items: [], total: pages * 10, page, pages },
            { scope, status, page },
          );
          for (const args of clickable(view.components, LIST_BUTTON_PREFIX)) {
            expect(readListId(args)).toEqual({ scope, status, page: Number(pageOf(args)) });
          }
        },
      ),
    );
  });

  it("audit trace: transaction and numbered references round-trip with their page", () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc
            .uint8Array({ minLength: 32, maxLength: 32 })
            .map((b) => ({ kind: "transaction" as const, key: `0x${Buffer.from(b).toString("hex")}` })),
          fc.record({
            kind: fc.constantFrom("proposal" as const, "contribution" as const, "node" as const),
            key: fc.integer({ min: 1, max: 999_999_999 }).map(String),
          }),
        ),
        fc.integer({ min: 2, max: 400 }),
        (ref, pages) => {
          for (const args of clickable(
            pagerRows(translator("en"), pages - 1, pages, (p) => traceCustomId(ref, p)),
            TRACE_PREFIX,
          )) {
            const read = readTraceId(args);
            expect(read.page).toBe(Number(pageOf(args)));
            expect(read.ref).toBe(ref.kind === "transaction" ? ref.key : `${ref.kind} ${ref.key}`);
          }
        },
      ),
    );
  });
});
