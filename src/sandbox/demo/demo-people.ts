import type { Role } from "../../domain/roles.ts";

/** A person of the demo company: one per role, so a newcomer can try every seat. */
export interface DemoUser {
  id: string;
  name: string;
  role: Role;
  /** Their Slack locale; jxc answers in it until they choose with `/jxc lang`. */
  locale: "en-US" | "zh-CN";
}

/** The admin grants everyone else their role, as a real admin would. */
export const demoAdmin: DemoUser = {
  id: "U0CHENMING",
  name: "Chen Ming 陈明",
  role: "admin",
  locale: "en-US",
};

/** Everyone in the demo workspace, in the order the "you are" switch lists them. */
export const demoUsers: readonly DemoUser[] = [
  demoAdmin,
  { id: "U0LIUYANG", name: "刘洋", role: "purchasing_clerk", locale: "zh-CN" },
  { id: "U0GRACE", name: "Grace Huang", role: "purchasing_manager", locale: "en-US" },
  { id: "U0WANGFANG", name: "王芳", role: "warehouse_keeper", locale: "zh-CN" },
  { id: "U0KEVIN", name: "Kevin Zhou", role: "warehouse_supervisor", locale: "en-US" },
  { id: "U0ZHAOLEI", name: "赵磊", role: "salesperson", locale: "zh-CN" },
  { id: "U0AMY", name: "Amy Sun", role: "sales_manager", locale: "en-US" },
  { id: "U0SUNLI", name: "孙丽", role: "accountant", locale: "zh-CN" },
  { id: "U0DANIEL", name: "Daniel Xu", role: "finance_supervisor", locale: "en-US" },
];

/** The demo user holding a role (every role has exactly one). */
export function demoUserWithRole(role: Role): DemoUser {
  const user = demoUsers.find((candidate) => candidate.role === role);
  if (!user) throw new Error(`the demo company has nobody with the role ${role}`);
  return user;
}

/** Department channels, #general first; ids are fixed so links and tests can name them. */
export const demoChannels: readonly { id: string; name: string }[] = [
  { id: "C0JXCGENERAL", name: "general" },
  { id: "C0PURCHASING", name: "purchasing" },
  { id: "C0WAREHOUSE", name: "warehouse" },
  { id: "C0SALES", name: "sales" },
  { id: "C0FINANCE", name: "finance" },
];
