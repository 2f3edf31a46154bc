// The transparency page's message formatter: the part of ICU MessageFormat Steward's web catalog uses — {name},
// {n, plural, =0 {…} one {…} other {…}} with #, {key, select, a {…} other {…}} — formatted as intl-messageformat
// formats it on the server (test/http/formatMessage.test.ts compares the two on every message of every language).
// Plain JavaScript with no build step, like the page; it defines one global, formatMessage(message, values, locale).

(() => {
  const cache = new Map();

  /** Elements up to the end of the text, or up to the `}` closing an option's body (then also where it ended). */
  function parseElements(text, start, inOption, pluralParent) {
    const elements = [];
    let literal = "";
    let i = start;
    const flush = () => {
      if (literal) elements.push(literal);
      literal = "";
    };
    while (i < text.length) {
      const c = text[i];
      if (c === "{") {
        flush();
        const [argument, next] = parseArgument(text, i + 1);
        elements.push(argument);
        i = next;
      } else if (c === "}" && inOption) {
        flush();
        return [elements, i + 1];
      } else if (c === "#" && pluralParent) {
        flush();
        elements.push({ pound: true });
        i++;
      } else if (c === "'" && text[i + 1] === "'") {
        literal += "'";
        i += 2;
      } else {
        literal += c;
        i++;
      }
    }
    if (inOption) throw new Error(`Unclosed option in: ${text}`);
    flush();
    return [elements, i];
  }

  function parseArgument(text, start) {
    let i = start;
    const readUntil = (stops) => {
      const from = i;
      while (i < text.length && !stops.includes(text[i])) i++;
      return text.slice(from, i).trim();
    };
    const name = readUntil(",}");
    if (text[i] === "}") return [{ name }, i + 1];
    i++;
    const type = readUntil(",}");
    if (type !== "plural" && type !== "select") throw new Error(`Unsupported argument type ${type} in: ${text}`);
    i++;
    const options = {};
    for (;;) {
      while (/\s/.test(text[i] ?? "")) i++;
      if (text[i] === "}") return [{ name, type, options }, i + 1];
      if (i >= text.length) throw new Error(`Unclosed argument in: ${text}`);
      const key = readUntil("{").trim();
      const [body, next] = parseElements(text, i + 1, true, type === "plural");
      options[key] = body;
      i = next;
    }
  }

  function render(elements, values, locale, count) {
    let out = "";
    for (const e of elements) {
      if (typeof e === "string") out += e;
      else if (e.pound) out += new Intl.NumberFormat(locale).format(count);
      else {
        if (!(e.name in values)) throw new Error(`The message needs a value for ${e.name}`);
        const raw = values[e.name];
        const value = typeof raw === "boolean" ? (raw ? "yes" : "no") : raw;
        if (e.type === "plural") {
          const n = Number(value);
          const option = e.options[`=${n}`] ?? e.options[new Intl.PluralRules(locale).select(n)] ?? e.options.other;
          out += render(option, values, locale, n);
        } else if (e.type === "select") {
          out += render(e.options[String(value)] ?? e.options.other, values, locale, count);
        } else out += typeof value === "number" ? new Intl.NumberFormat(locale).format(value) : String(value);
      }
    }
    return out;
  }

  globalThis.formatMessage = (message, values, locale) => {
    let elements = cache.get(message);
    if (!elements) {
      elements = parseElements(message, 0, false, false)[0];
      cache.set(message, elements);
    }
    return render(elements, values ?? {}, locale, 0);
  };
})();
