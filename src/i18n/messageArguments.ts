import { type MessageFormatElement, parse, TYPE } from "@formatjs/icu-messageformat-parser";

/** What a message's placeholders are: each argument's name, and for a `select` the options it chooses between. */
export interface MessageArguments {
  names: Set<string>;
  selects: Map<string, Set<string>>;
}

/** Parses an ICU message (Discord's `<t:…>` and `<@…>` are text, not tags) and lists its arguments. */
export function messageArguments(message: string): MessageArguments {
  const found: MessageArguments = { names: new Set(), selects: new Map() };
  walk(parse(message, { ignoreTag: true }), found);
  return found;
}

function walk(elements: MessageFormatElement[], found: MessageArguments) {
  for (const e of elements) {
    if (e.type === TYPE.literal || e.type === TYPE.pound) continue;
    found.names.add(e.value);
    if (e.type === TYPE.select) found.selects.set(e.value, new Set(Object.keys(e.options)));
    if (e.type === TYPE.select || e.type === TYPE.plural) {
      for (const option of Object.values(e.options)) walk(option.value, found);
    }
    if (e.type === TYPE.tag) walk(e.children, found);
  }
}
