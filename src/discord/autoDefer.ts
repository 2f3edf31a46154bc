import {
  type InteractionEditReplyOptions,
  type InteractionReplyOptions,
  MessageFlags,
  MessageFlagsBitField,
  type RepliableInteraction,
} from "discord.js";

/**
 * Discord drops an interaction that is not acknowledged within 3 seconds. Past this, Steward acknowledges it
 * itself, whatever the handler is still waiting for (the database, the chain, the model).
 */
export const AUTO_DEFER_AFTER_MS = 1500;

/**
 * How a slow interaction is acknowledged for its handler: "reply" defers a private reply (the handler's answer
 * replaces the loading note), "update" defers an update of the clicked message (its update edits the message, and a
 * reply becomes a follow-up).
 */
export type LateAnswer = "reply" | "update";

type Options = InteractionReplyOptions & InteractionEditReplyOptions & { flags?: unknown; message?: unknown };
// biome-ignore lint/suspicious/noExplicitAny: discord.js overloads differ per method; the adapter forwards them as given.
type Real = any;

const isEphemeral = (o: { flags?: unknown } | undefined) =>
  o?.flags !== undefined && new MessageFlagsBitField(o.flags as never).has(MessageFlags.Ephemeral);

/** An edit cannot carry message flags (Discord fixes ephemerality when the reply is created). */
function withoutFlags(o: Options): Options {
  const { flags: _flags, ...rest } = o;
  return rest as Options;
}

export interface AutoDeferred<I> {
  /** The interaction as the handler uses it: its calls are translated once Steward has acknowledged it itself. */
  interaction: I;
  /** Whether Steward had to acknowledge it (the handler was slow). */
  readonly deferredAutomatically: boolean;
  /** Stops the timer (the handler is done). */
  stop(): void;
}

/**
 * Acknowledges `real` after `afterMs` unless its handler has answered (replied, deferred, updated or shown a modal),
 * and hands the handler an interaction whose later `reply`/`update`/`deferReply`/`editReply` calls land where they
 * would have: one place for every handler instead of a deferral in each. The handler still sees `deferred`, `replied`
 * and `ephemeral` as its own calls made them. A modal cannot follow an acknowledgement: handlers show theirs first.
 */
export function autoDefer<I extends RepliableInteraction>(
  real: I,
  late: LateAnswer,
  options: { afterMs?: number; onDeferred?: () => void; onError?: (err: unknown) => void } = {},
): AutoDeferred<I> {
  const r = real as Real;
  /** What Steward sent on its own, if anything. */
  let auto: LateAnswer | null = null;
  /** What the handler did, as it sees it. */
  let kind: "none" | "reply" | "update" | "modal" = "none";
  const seen = { deferred: false, replied: false, ephemeral: null as boolean | null };
  /** The message standing for the handler's reply when it could not be the interaction's own original response. */
  let original: string | undefined;
  /** A deferred reply not yet shown: created (with these flags) by the handler's first edit. */
  let pending: { flags: unknown } | null = null;

  // Calls run one at a time, so the timer never acknowledges while a handler's own answer is on its way.
  let queue: Promise<unknown> = Promise.resolve();
  const serial = <T>(fn: () => Promise<T>): Promise<T> => {
    const run = queue.then(fn);
    queue = run.catch(() => {});
    return run;
  };
  let stopped = false;
  const timer = setTimeout(() => {
    serial(async () => {
      if (stopped || kind !== "none" || r.deferred || r.replied) return;
      if (late === "update") await r.deferUpdate();
      else await r.deferReply({ flags: MessageFlags.Ephemeral });
      auto = late;
      options.onDeferred?.();
    }).catch((err) => options.onError?.(err));
  }, options.afterMs ?? AUTO_DEFER_AFTER_MS);
  timer.unref?.();

  /** Shows `o` as the handler's reply after an automatic deferral (a new message, recorded as its original). */
  async function replyAfterAuto(o: Options): Promise<unknown> {
    if (auto === "reply" && isEphemeral(o)) return r.editReply(withoutFlags(o));
    // A public answer cannot replace a private loading note: the note goes, the answer is a follow-up.
    if (auto === "reply") await r.deleteReply();
    const message = await r.followUp(o);
    original = message?.id;
    return message;
  }

  /** The clicked message gets `o` although Steward acknowledged with a private reply (a handler declared "reply"). */
  async function updateAfterReply(o: Options): Promise<unknown> {
    await r.deleteReply();
    return r.webhook.editMessage(r.message.id, withoutFlags(o));
  }

  const methods: Record<string, (...args: Real[]) => Promise<unknown>> = {
    reply: (o: Options) =>
      serial(async () => {
        const out = auto ? await replyAfterAuto(o) : await r.reply(o);
        kind = "reply";
        seen.replied = true;
        seen.ephemeral = isEphemeral(o);
        return out;
      }),
    deferReply: (o: Options = {}) =>
      serial(async () => {
        let out: unknown;
        if (!auto) out = await r.deferReply(o);
        else if (!(auto === "reply" && isEphemeral(o))) pending = { flags: o.flags };
        kind = "reply";
        seen.deferred = true;
        seen.ephemeral = isEphemeral(o);
        return out;
      }),
    update: (o: Options) =>
      serial(async () => {
        const out = !auto ? await r.update(o) : auto === "update" ? await r.editReply(o) : await updateAfterReply(o);
        kind = "update";
        seen.replied = true;
        return out;
      }),
    deferUpdate: (o?: Options) =>
      serial(async () => {
        const out = auto ? undefined : await r.deferUpdate(o);
        kind = "update";
        seen.deferred = true;
        return out;
      }),
    editReply: (o: Options) =>
      serial(async () => {
        seen.replied = true;
        if (!auto || (o.message !== undefined && o.message !== "@original")) return r.editReply(o);
        if (kind === "update") return auto === "update" ? r.editReply(o) : updateAfterReply(o);
        if (pending) {
          const flags = pending.flags;
          pending = null;
          return replyAfterAuto({ ...withoutFlags(o), ...(flags === undefined ? {} : { flags }) } as Options);
        }
        return r.editReply(original ? { ...o, message: original } : o);
      }),
    followUp: (o: Options) =>
      serial(async () => {
        seen.replied = true;
        // On Discord the first follow-up of a deferred reply fills the loading message.
        if (auto && pending) {
          pending = null;
          return replyAfterAuto(o);
        }
        return r.followUp(o);
      }),
    deleteReply: (message?: unknown) =>
      serial(async () =>
        r.deleteReply(auto && original && (message ?? "@original") === "@original" ? original : message),
      ),
    showModal: (modal: unknown, o?: unknown) =>
      serial(async () => {
        if (auto) {
          throw new Error(
            "showModal after Steward acknowledged the interaction: a handler shows its modal before any slow work",
          );
        }
        const out = await r.showModal(modal, o);
        kind = "modal";
        seen.replied = true;
        return out;
      }),
  };

  const interaction = new Proxy(real, {
    get(target, prop, receiver) {
      if (typeof prop === "string" && prop in methods) return methods[prop];
      if (prop === "deferred") return seen.deferred;
      if (prop === "replied") return seen.replied;
      if (prop === "ephemeral") return seen.ephemeral;
      const value = Reflect.get(target, prop, target);
      return typeof value === "function" ? value.bind(target) : value === target ? receiver : value;
    },
  });
  return {
    interaction,
    get deferredAutomatically() {
      return auto !== null;
    },
    stop() {
      stopped = true;
      clearTimeout(timer);
    },
  };
}
