import type { SandboxState, StoredMessage } from "../sandboxState.ts";

/** A message as the control API shows it (attachments by their URL). */
export function publicMessage(state: SandboxState, m: StoredMessage) {
  return {
    id: m.id,
    content: m.content,
    embeds: m.embeds,
    components: m.components,
    editedAt: m.editedAt,
    createdAt: m.createdAt,
    mentions: m.mentions,
    attachments: (m.attachments ?? []).map((a) => ({
      id: a.id,
      filename: a.filename,
      size: a.size,
      url: `${state.attachmentUrl}/${a.id}/${encodeURIComponent(a.filename)}`,
    })),
    ...(m.interactionId ? { interactionId: m.interactionId } : {}),
  };
}
