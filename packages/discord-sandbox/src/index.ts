// The public API of @steward/discord-sandbox: what a bot's tests, a CLI or an application starting the sandbox use.
// Everything else in src/ is the sandbox's own and may change.

export { checkMessageLimits } from "./discordRest.ts";
export { finalResponse, type InteractionResult, type ResponseView, SandboxClient, textOf } from "./sandboxClient.ts";
export { openSandboxJournal, resetSandboxJournal, sandboxBotToken } from "./sandboxJournal.ts";
export type { SandboxOptions } from "./sandboxParts.ts";
export type { Json, SandboxChannel, SandboxRole, SandboxState, SandboxUser, StoredMessage } from "./sandboxState.ts";
export { defaultSpecPath, SpecValidator, type SpecViolation } from "./specValidator.ts";
export { type Sandbox, startSandbox } from "./startSandbox.ts";
export { runTerminalClient } from "./terminalClient.ts";
