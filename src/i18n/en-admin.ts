import type { DeliveryStatus, FailedDelivery } from "../domain/outbox.ts";

type DeliveryKind = FailedDelivery["kind"];

// English for administration: department channels, routing and the outbox.
export const enAdmin = {
  channels: {
    title: "Department channels",
    notSet: "_not set_",
    line: (p: { department: string; code: string; channel: string }) =>
      `*${p.department}* \`${p.code}\` — ${p.channel}`,
    usage:
      "Admins set one with `/jxc channel <department> #channel`, e.g. `/jxc channel warehouse #warehouse`.",
    set: (p: { department: string; channel: string }) =>
      `Done — ${p.department} notices now go to <#${p.channel}>.`,
    unchanged: (p: { department: string; channel: string }) =>
      `<#${p.channel}> already is the ${p.department} channel; nothing changed.`,
    invite: (p: { channel: string }) =>
      `:warning: jxc is not a member of <#${p.channel}>, so it cannot post there yet. Open <#${p.channel}> and type \`/invite @jxc\`.`,
    uncheckable: (p: { channel: string }) =>
      `Slack did not say whether jxc is in <#${p.channel}>. If it is not, type \`/invite @jxc\` in that channel.`,
  },
  routes: {
    title: "Who hears of what",
    heading: (p: { eventType: string; about: string; state: string }) =>
      `*\`${p.eventType}\`* — ${p.about} (${p.state})`,
    default: "default",
    custom: "set by an admin",
    nobody: "_nobody_",
    owner: "the requester, by DM",
    role: (p: { role: string }) => `every ${p.role}, by DM`,
    channel: (p: { department: string; channel: string }) => `the ${p.department} channel <#${p.channel}>`,
    channelNotSet: (p: { department: string; code: string }) =>
      `the ${p.department} channel (not set yet: \`/jxc channel ${p.code} #channel\`)`,
    added: (p: { target: string; eventType: string }) =>
      `Done — \`${p.target}\` now hears of \`${p.eventType}\`.`,
    alreadyThere: (p: { target: string; eventType: string }) =>
      `\`${p.target}\` already hears of \`${p.eventType}\`; nothing changed.`,
    removed: (p: { target: string; eventType: string }) =>
      `Done — \`${p.target}\` no longer hears of \`${p.eventType}\`.`,
    notThere: (p: { target: string; eventType: string }) =>
      `\`${p.target}\` did not hear of \`${p.eventType}\`; nothing changed.`,
    reset: (p: { eventType: string }) => `Done — \`${p.eventType}\` is back to the default.`,
    alreadyDefault: (p: { eventType: string }) =>
      `\`${p.eventType}\` already uses the default; nothing changed.`,
    usage:
      "Admins: `/jxc route <event-type> add|remove <target>` or `/jxc route <event-type> reset`. Targets: `owner`, `role:<role>`, `channel:<department>`.",
  },
  outbox: {
    title: "Outbox",
    statuses: {
      pending: "waiting",
      sending: "sending",
      delivered: "delivered",
      failed: "failed",
      skipped: "skipped",
    } satisfies Record<DeliveryStatus, string>,
    kinds: { post: "message", update: "update", home: "Home tab" } satisfies Record<DeliveryKind, string>,
    unplanned: (p: { count: number; age: string }) =>
      `:hourglass: ${p.count} events waiting to be turned into messages (oldest ${p.age})`,
    oldestWaiting: (p: { age: string }) => `Oldest message waiting: ${p.age}`,
    nothingWaiting: "Nothing is waiting to be sent.",
    failures: "Recent failures",
    noFailures: "No failed messages.",
    failure: (p: {
      id: number;
      kind: string;
      target: string;
      template: string;
      error: string;
      attempts: number;
      age: string;
    }) =>
      `*#${p.id}* ${p.kind} → ${p.target} · \`${p.template}\`\n:x: \`${p.error}\` · ${p.attempts} attempts · ${p.age} ago`,
    homeOf: (p: { user: string }) => `Home tab of <@${p.user}>`,
    retry: "Retry",
    retried: (p: { id: number }) => `Message #${p.id} is queued again.`,
    notInChannel: (p: { channel: string }) =>
      `:warning: I could not post in <#${p.channel}> because I am not a member of that channel. Please type \`/invite @jxc\` in <#${p.channel}>, then retry the failed messages with \`/jxc outbox\`.`,
    age: {
      seconds: (p: { n: number }) => `${p.n} s`,
      minutes: (p: { n: number }) => `${p.n} min`,
      hours: (p: { n: number }) => `${p.n} h`,
      days: (p: { n: number }) => `${p.n} d`,
    },
  },
};
