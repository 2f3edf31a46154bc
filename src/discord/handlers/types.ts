import type { ChatInputCommandInteraction, MessageComponentInteraction, ModalSubmitInteraction } from "discord.js";
import type { HandlerContext } from "../context.ts";

export type CommandHandler = (interaction: ChatInputCommandInteraction, ctx: HandlerContext) => Promise<void>;
export type ComponentHandler = (
  interaction: MessageComponentInteraction,
  ctx: HandlerContext,
  args: string[],
) => Promise<void>;

export type ModalHandler = (interaction: ModalSubmitInteraction, ctx: HandlerContext, args: string[]) => Promise<void>;
