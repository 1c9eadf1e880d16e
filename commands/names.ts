/** Every slash command, action id and callback id the app answers, in one place. */
export const slashCommands = {
  jxc: "/jxc",
  stock: "/stock",
} as const;

export const actionIds = {
  stockShare: "stock_share",
  itemPicker: "item_picker",
  /** Suffixed with an index or offset: action ids must be unique within a message. */
  stockPagePrefix: "stock_page_",
  stockShowPrefix: "stock_show_",
  /** Suffixed with the delivery id. */
  outboxRetryPrefix: "outbox_retry_",
} as const;

/** Listener patterns for the suffixed action ids above. */
export const actionPatterns = {
  stockPage: /^stock_page_\d+$/,
  stockShow: /^stock_show_\d+$/,
  outboxRetry: /^outbox_retry_\d+$/,
} as const;

export const callbackIds = {
  csvImport: "csv_import",
} as const;
