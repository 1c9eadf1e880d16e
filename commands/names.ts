/** Every slash command, action id and callback id the app answers, in one place. */
export const slashCommands = {
  jxc: "/jxc",
  stock: "/stock",
  adjust: "/adjust",
  approve: "/approve",
  move: "/move",
  po: "/po",
  supplier: "/supplier",
  receive: "/receive",
  count: "/count",
} as const;

export const actionIds = {
  stockShare: "stock_share",
  itemPicker: "item_picker",
  supplierPicker: "supplier_picker",
  /** Suffixed with the move: po_send, po_hold, … */
  poMovePrefix: "po_",
  /** Suffixed with an index or offset: action ids must be unique within a message. */
  stockPagePrefix: "stock_page_",
  stockShowPrefix: "stock_show_",
  approvalApprove: "approval_approve",
  approvalReject: "approval_reject",
  adjustmentCancel: "adjustment_cancel",
  /** Suffixed with the document type. */
  policyEditPrefix: "policy_edit_",
  policyTimers: "policy_timers",
  /** Suffixed with the delivery id. */
  outboxRetryPrefix: "outbox_retry_",
  homeRefresh: "home_refresh",
  /** Suffixed with an index: one per line or supplier group of a plan message. */
  planWhyPrefix: "po_plan_why_",
  planDraftsPrefix: "po_plan_drafts_",
  /** Suffixed with an index in the /count list; bare on a count's card and replies. */
  countOpen: "count_open",
  countFinish: "count_finish",
  countFinishAnyway: "count_finish_anyway",
  countCancel: "count_cancel",
  /** Suffixed with the decision and the GR line id: reject_return_12, reject_replace_12, reject_accept_12. */
  rejectDecisionPrefix: "reject_",
  lowStockDraft: "low_stock_draft",
  /** Suffixed with the days: low_stock_snooze_1, low_stock_snooze_7. */
  lowStockSnoozePrefix: "low_stock_snooze_",
  /** Suffixed with the suggestion's index: one Move button per line of /jxc slotting. */
  slottingMovePrefix: "slotting_move_",
  supplierItemAdd: "supplier_item_add",
  /** Suffixed with the line's index on the supplier card. */
  supplierItemEditPrefix: "supplier_item_edit_",
  /** The item picker of the supplier terms form; picking refills the form. */
  supplierTermsItem: "supplier_terms_item",
  /** Suffixed with the supplier group's index in a plan message. */
  planChoosePrefix: "po_plan_choose_",
  supplierScore: "supplier_score",
} as const;

/** Listener patterns for the suffixed action ids above. */
export const actionPatterns = {
  stockPage: /^stock_page_\d+$/,
  stockShow: /^stock_show_\d+$/,
  /** Several cards in one /approve list need distinct action ids. */
  approvalApprove: /^approval_approve(_\d+)?$/,
  approvalReject: /^approval_reject(_\d+)?$/,
  policyEdit: /^policy_edit_[a-z_]+$/,
  outboxRetry: /^outbox_retry_\d+$/,
  poMove: /^po_(submit|send|hold|resume|close|cancel)$/,
  planWhy: /^po_plan_why_\d+$/,
  planDrafts: /^po_plan_drafts_\d+$/,
  countOpen: /^count_open(_\d+)?$/,
  rejectDecision: /^reject_(return|replace|accept)_\d+$/,
  lowStockSnooze: /^low_stock_snooze_\d+$/,
  slottingMove: /^slotting_move_\d+$/,
  supplierItemEdit: /^supplier_item_edit_\d+$/,
  planChoose: /^po_plan_choose_\d+$/,
} as const;

export const callbackIds = {
  csvImport: "csv_import",
  approvalReject: "approval_reject",
  policyEdit: "policy_edit",
  policyTimers: "policy_timers",
  purchaseOrder: "purchase_order",
  supplier: "supplier",
  goodsReceipt: "goods_receipt",
  stocktakeCount: "stocktake_count",
  rejectAccept: "reject_accept",
  supplierTerms: "supplier_terms",
  planChoose: "po_plan_choose",
  planSettings: "po_plan_settings",
} as const;
