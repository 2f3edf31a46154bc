/** English: the source every other catalog translates. Keys start with "commands.". */
export const commands = {} as const;
