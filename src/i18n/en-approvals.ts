// English for the day-to-day work: approvals, policies, delegation, adjustments, moves, App Home.
export const enApprovals = {
  approvals: {
    neededTitle: (p: { number: string }) => `Approval needed · ${p.number}`,
    reminderTitle: (p: { number: string }) => `Reminder: approval needed · ${p.number}`,
    approvedTitle: (p: { number: string }) => `Approved · ${p.number}`,
    rejectedTitle: (p: { number: string }) => `Rejected · ${p.number}`,
    cancelledTitle: (p: { number: string }) => `Withdrawn · ${p.number}`,
    waitingTitle: (p: { number: string }) => `Waiting for the next approver · ${p.number}`,
    requestedBy: "Requested by",
    amount: "Amount",
    requestedAt: "Requested",
    tier: (p: { tier: number; of: number; role: string }) => `Tier ${p.tier} of ${p.of} · ${p.role}`,
    stepWaiting: (p: { tier: number; role: string }) => `:hourglass: Tier ${p.tier} · ${p.role} — waiting`,
    stepPending: (p: { tier: number; role: string }) => `:eyes: Tier ${p.tier} · ${p.role} — deciding now`,
    stepApproved: (p: { tier: number; role: string; by: string; when: string }) =>
      `:white_check_mark: Tier ${p.tier} · ${p.role} — approved by ${p.by} ${p.when}`,
    stepRejected: (p: { tier: number; role: string; by: string; when: string; reason: string }) =>
      `:x: Tier ${p.tier} · ${p.role} — rejected by ${p.by} ${p.when}: “${p.reason}”`,
    stepCancelled: (p: { tier: number; role: string }) =>
      `:heavy_minus_sign: Tier ${p.tier} · ${p.role} — not needed`,
    onBehalfOf: (p: { user: string }) => ` (for <@${p.user}>)`,
    escalated: "escalated",
    approve: "Approve",
    reject: "Reject",
    rejectTitle: "Reject",
    rejectSubmit: "Reject",
    rejectCancel: "Back",
    rejectIntro: (p: { number: string }) =>
      `Why are you rejecting *${p.number}*? The requester will read this.`,
    reasonLabel: "Reason",
    reasonHint: "e.g. count again first; price too high",
    youApproved: (p: { number: string; next: string }) =>
      `:white_check_mark: You approved *${p.number}*${p.next ? `; it now waits for ${p.next}` : ""}.`,
    youRejected: (p: { number: string }) => `:x: You rejected *${p.number}*.`,
    listTitle: "Waiting for your approval",
    listEmpty: ":tada: Nothing is waiting for your approval.",
    listMore: (p: { count: number }) => `…and ${p.count} more; decide these first.`,
    mineTitle: "Your requests still waiting",
    toRequesterApproved: (p: { number: string; by: string }) =>
      `:white_check_mark: *${p.number}* was approved by ${p.by}.`,
    toRequesterStep: (p: { number: string; by: string; next: string }) =>
      `:white_check_mark: *${p.number}* was approved by ${p.by}; it now waits for ${p.next}.`,
    toRequesterRejected: (p: { number: string; by: string; reason: string }) =>
      `:x: *${p.number}* was rejected by ${p.by}: “${p.reason}”`,
    toRequesterEscalated: (p: { number: string; role: string }) =>
      `:arrow_up: *${p.number}* waited too long and now goes to ${p.role}.`,
    threadRequested: (p: { number: string; by: string; roles: string }) =>
      `${p.by} asked for approval of *${p.number}* by ${p.roles}.`,
    threadCancelled: (p: { by: string }) => `Withdrawn by ${p.by}.`,
  },
  adjust: {
    usage:
      "Usage: `/adjust <sku> <±qty> <warehouse>/<bin> <reason> [note]`, e.g. `/adjust SKU-1 -5 MAIN/A-01 damaged dropped by forklift`. Reasons: damaged, lost, found, count, other (损坏 丢失 盘盈 盘点 其他).",
    reasons: { damaged: "damaged", lost: "lost", found: "found", count: "count correction", other: "other" },
    posted: (p: { number: string; qty: string; sku: string; place: string; reason: string; value: string }) =>
      `:white_check_mark: *${p.number}* posted: ${p.qty} ${p.sku} at ${p.place} (${p.reason}), value ${p.value}.`,
    pending: (p: { number: string; qty: string; sku: string; place: string; value: string; roles: string }) =>
      `:hourglass: *${p.number}* (${p.qty} ${p.sku} at ${p.place}, value ${p.value}) needs approval by ${p.roles}. Nothing moves until then; you will be told.`,
    cancel: "Withdraw",
    cancelled: (p: { number: string }) => `*${p.number}* was withdrawn; nothing was moved.`,
    badPlace: (p: { input: string }) =>
      `\`${p.input}\` is not a place: write it as \`<warehouse>/<bin>\`, e.g. \`MAIN/A-01\`.`,
    unknownReason: (p: { input: string }) =>
      `\`${p.input}\` is not a reason. Use damaged, lost, found, count or other.`,
    docTitle: (p: { number: string }) => `Stock adjustment ${p.number}`,
    docLine: (p: { qty: string; sku: string; name: string; place: string; reason: string }) =>
      `*${p.qty}* ${p.sku} ${p.name} at ${p.place} · ${p.reason}`,
    status: {
      pending: ":hourglass: waiting for approval",
      posted: ":white_check_mark: posted",
      rejected: ":x: rejected",
      cancelled: ":heavy_minus_sign: withdrawn",
    },
    threadPosted: (p: { value: string }) => `:package: Posted to the stock ledger, value ${p.value}.`,
  },
  policy: {
    title: "Approval policies",
    docTypes: {
      purchase_order: "Purchase orders",
      stock_adjustment: "Stock adjustments",
      payment: "Payments",
      stocktake: "Stocktakes (per line variance)",
      goods_receipt: "Goods receipts over the tolerance",
    },
    tierLine: (p: { tier: number; from: string; role: string }) =>
      `Tier ${p.tier}: from ${p.from} → ${p.role}`,
    timers: (p: { remind: number; escalate: number }) =>
      `Reminder after ${p.remind} h without a decision; escalation to the next role up after ${p.escalate} h.`,
    edit: "Edit",
    editTimers: "Edit waits",
    modalTitle: "Approval policy",
    save: "Save",
    cancel: "Cancel",
    amountLabel: (p: { tier: number; currency: string }) => `Tier ${p.tier}: from amount (${p.currency})`,
    roleLabel: (p: { tier: number }) => `Tier ${p.tier}: approver role`,
    amountHint: "Leave both empty for no such tier.",
    remindLabel: "Reminder after (hours)",
    escalateLabel: "Escalate after (hours)",
  },
  delegate: {
    usage:
      "Usage: `/jxc delegate @user <dates>` (e.g. `next week`, `2026-12-01 to 2026-12-10`, `下周一至下周五`), `/jxc delegate end <id>`, or `/jxc delegate` to list.",
    none: "You have no stand-ins, and stand for nobody.",
    givenLine: (p: { id: number; delegate: string; from: string; to: string }) =>
      `#${p.id} · <@${p.delegate}> decides your approvals ${p.from} – ${p.to}`,
    receivedLine: (p: { id: number; approver: string; from: string; to: string }) =>
      `#${p.id} · you decide <@${p.approver}>'s approvals ${p.from} – ${p.to}`,
    done: (p: { id: number; delegate: string; from: string; to: string }) =>
      `:white_check_mark: <@${p.delegate}> will decide your approvals ${p.from} – ${p.to} (#${p.id}; end early with \`/jxc delegate end ${p.id}\`).`,
    ended: (p: { id: number }) => `Delegation #${p.id} has ended.`,
  },
  home: {
    title: "jxc — your work",
    waitingOn: (p: { number: string; role: string }) => `*${p.number}* · waiting for ${p.role}`,
    refresh: "Refresh",
  },
  move: {
    usage:
      "Usage: `/move <sku> <qty> <warehouse>/<bin> to <bin>`, e.g. `/move BOLT-M6 20 MAIN/A-01 to B-02` (same warehouse) or `… to EAST/C-01`.",
    badFrom: (p: { input: string }) =>
      `\`${p.input}\` is not a place: write it as \`<warehouse>/<bin>\`, e.g. \`MAIN/A-01\`.`,
    moved: (p: { qty: string; sku: string; from: string; to: string }) =>
      `:white_check_mark: Moved ${p.qty} ${p.sku} from ${p.from} to ${p.to}.`,
  },
};
