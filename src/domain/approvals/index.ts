// The approval engine's public face: documents and commands import from here.
export { type Decision, type DecisionResult, decideApproval, requireMayDecide } from "./decide.ts";
export {
  approversDelegatingTo,
  type Delegation,
  delegateApprovals,
  delegationsInvolving,
  revokeDelegation,
} from "./delegation.ts";
export {
  type Approver,
  authorityToDecide,
  type BarredDeciders,
  barredFrom,
  eligibleApprovers,
  excludedDecidersOf,
  holdersOf,
} from "./eligibility.ts";
export {
  type ApprovalDocType,
  type ApprovalTimers,
  approvalDocTypes,
  defaultTimers,
  isApprovalDocType,
  type PolicyTier,
  readPolicy,
  readTimers,
  requiredTiers,
  setPolicy,
  setTimers,
} from "./policies.ts";
export {
  type ApprovalView,
  barredOf,
  myOpenRequests,
  openStep,
  pendingApprovalsFor,
  readApproval,
  type StepView,
} from "./queries.ts";
export { remindAndEscalate } from "./reminders.ts";
export { type ApprovalSubject, cancelApproval, requestApproval } from "./request.ts";
