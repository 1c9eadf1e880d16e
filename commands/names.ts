/** Every slash command, action id and callback id the app answers, in one place. */
export const slashCommands = {
  jxc: "/jxc",
} as const;

export const actionIds = {} as const;

export const callbackIds = {} as const;
