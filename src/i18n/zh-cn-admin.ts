import type { enAdmin } from "./en-admin.ts";

// 管理类文案：部门频道、通知路由与发件箱。
export const zhAdmin: typeof enAdmin = {
  channels: {
    title: "部门频道",
    notSet: "_未设置_",
    line: (p) => `*${p.department}* \`${p.code}\` — ${p.channel}`,
    usage: "管理员可用 `/jxc channel <部门> #频道` 设置，例如 `/jxc channel 仓库 #warehouse`。",
    set: (p) => `已完成：${p.department}的通知今后发到 <#${p.channel}>。`,
    unchanged: (p) => `<#${p.channel}> 已经是${p.department}频道，未做更改。`,
    invite: (p) =>
      `:warning: jxc 还不是 <#${p.channel}> 的成员，暂时无法在那里发消息。请打开 <#${p.channel}> 并输入 \`/invite @jxc\`。`,
    uncheckable: (p) =>
      `Slack 未告知 jxc 是否在 <#${p.channel}> 中。如果不在，请在该频道输入 \`/invite @jxc\`。`,
  },
  routes: {
    title: "通知对象",
    heading: (p) => `*\`${p.eventType}\`* — ${p.about}（${p.state}）`,
    default: "默认",
    custom: "管理员已修改",
    nobody: "_无人_",
    owner: "申请人（私信）",
    role: (p) => `所有${p.role}（私信）`,
    channel: (p) => `${p.department}频道 <#${p.channel}>`,
    channelNotSet: (p) => `${p.department}频道（尚未设置：\`/jxc channel ${p.code} #频道\`）`,
    added: (p) => `已完成：\`${p.target}\` 今后会收到 \`${p.eventType}\` 通知。`,
    alreadyThere: (p) => `\`${p.target}\` 已经会收到 \`${p.eventType}\` 通知，未做更改。`,
    removed: (p) => `已完成：\`${p.target}\` 不再收到 \`${p.eventType}\` 通知。`,
    notThere: (p) => `\`${p.target}\` 本来就不收 \`${p.eventType}\` 通知，未做更改。`,
    reset: (p) => `已完成：\`${p.eventType}\` 已恢复默认。`,
    alreadyDefault: (p) => `\`${p.eventType}\` 本来就是默认设置，未做更改。`,
    usage:
      "管理员：`/jxc route <事件类型> add|remove <对象>` 或 `/jxc route <事件类型> reset`。对象：`owner`、`role:<角色>`、`channel:<部门>`。",
  },
  outbox: {
    title: "发件箱",
    statuses: {
      pending: "等待中",
      sending: "发送中",
      delivered: "已送达",
      failed: "失败",
      skipped: "已跳过",
    },
    kinds: { post: "消息", update: "更新", home: "主页" },
    unplanned: (p) => `:hourglass: ${p.count} 个事件等待生成消息（最早的已等待 ${p.age}）`,
    oldestWaiting: (p) => `最早的待发消息已等待 ${p.age}`,
    nothingWaiting: "没有等待发送的消息。",
    failures: "最近的失败",
    noFailures: "没有发送失败的消息。",
    failure: (p) =>
      `*#${p.id}* ${p.kind} → ${p.target} · \`${p.template}\`\n:x: \`${p.error}\` · 已尝试 ${p.attempts} 次 · ${p.age}前`,
    homeOf: (p) => `<@${p.user}> 的主页`,
    retry: "重试",
    retried: (p) => `消息 #${p.id} 已重新排队发送。`,
    notInChannel: (p) =>
      `:warning: 我无法在 <#${p.channel}> 发消息，因为我不是该频道的成员。请在 <#${p.channel}> 中输入 \`/invite @jxc\`，然后用 \`/jxc outbox\` 重试发送失败的消息。`,
    age: {
      seconds: (p) => `${p.n} 秒`,
      minutes: (p) => `${p.n} 分钟`,
      hours: (p) => `${p.n} 小时`,
      days: (p) => `${p.n} 天`,
    },
  },
};
