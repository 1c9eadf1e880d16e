// @ts-check
// Slack's mrkdwn, as far as messages need it: *bold*, _italic_, ~strike~, `code`, ```blocks```,
// > quotes, <links|labels>, <@U…> mentions and <#C…> channels. Everything else stays text.

/** @typedef {{ userName: (id: string) => string, channelName: (id: string) => string }} Names */

const emoji = {
  white_check_mark: "✅",
  heavy_check_mark: "✔️",
  x: "❌",
  warning: "⚠️",
  package: "📦",
  inbox_tray: "📥",
  outbox_tray: "📤",
  red_circle: "🔴",
  large_green_circle: "🟢",
  large_yellow_circle: "🟡",
  bell: "🔔",
  memo: "📝",
  moneybag: "💰",
  truck: "🚚",
  hourglass: "⏳",
  eyes: "👀",
  tada: "🎉",
  point_right: "👉",
  information_source: "ℹ️",
};

/** HTML-escapes text for innerHTML. */
export function escapeHtml(text) {
  return String(text)
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;");
}

// Slack escapes &, < and > in message text; undo that before escaping for HTML.
function unescapeSlack(text) {
  return text.replaceAll("&lt;", "<").replaceAll("&gt;", ">").replaceAll("&amp;", "&");
}

/** A text object ({type: "plain_text" | "mrkdwn", text}) as HTML. */
export function textObjectHtml(value, names) {
  if (!value || typeof value.text !== "string") return "";
  if (value.type === "mrkdwn") return mrkdwnHtml(value.text, names);
  return escapeHtml(value.text).replaceAll("\n", "<br>");
}

/** A text object's plain text (labels, options). */
export function plainText(value) {
  return value && typeof value.text === "string" ? value.text : "";
}

/** mrkdwn as HTML. */
export function mrkdwnHtml(text, names) {
  /** @type {string[]} */
  const tokens = [];
  const keep = (html) => {
    tokens.push(html);
    return `\uE000${tokens.length - 1}\uE000`;
  };
  // Angle-bracket entities first, so formatting inside a label cannot break the link.
  // The private-use marks below stand for kept pieces, so the text itself may not carry them.
  const withoutAngles = String(text)
    .replace(/[\uE000\uE001]/g, "")
    .replace(/<([^<>]+)>/g, (_, inner) => keep(angleHtml(inner, names)));
  const parts = withoutAngles.split("```");
  const html = parts
    .map((part, index) => (index % 2 === 1 ? keep(`<pre>${escapeHtml(unescapeSlack(part))}</pre>`) : part))
    .join("")
    .split("\n")
    .map((line) => quoteLine(line))
    .join("\n");
  let out = formatInline(html).replaceAll("\n", "<br>");
  // Kept pieces may hold others (a code span around an angle token); put back until none is left.
  for (let pass = 0; pass < 4 && /\uE000\d+\uE000/.test(out); pass += 1) {
    out = out.replace(/\uE000(\d+)\uE000/g, (_, index) => tokens[Number(index)] ?? "");
  }
  return out;

  function quoteLine(line) {
    const match = /^(?:&gt;|>)\s?(.*)$/.exec(line);
    return match ? `\uE001${match[1]}` : line;
  }

  function formatInline(source) {
    const codeParts = source.split("`");
    return codeParts
      .map((part, index) => {
        if (index % 2 === 1 && index < codeParts.length - 1) {
          return keep(`<code>${escapeHtml(unescapeSlack(part))}</code>`);
        }
        const prefix = index % 2 === 1 ? "`" : "";
        return prefix + styled(escapeHtml(unescapeSlack(part)));
      })
      .join("")
      .replace(/\uE001([^\n]*)/g, '<span class="quote">$1</span>');
  }
}

function styled(html) {
  return html
    .replace(/(^|[^\w*])\*(?=\S)([^*\n]*?\S)\*(?=[^\w*]|$)/g, "$1<b>$2</b>")
    .replace(/(^|[^\w_])_(?=\S)([^_\n]*?\S)_(?=[^\w_]|$)/g, "$1<i>$2</i>")
    .replace(/(^|[^\w~])~(?=\S)([^~\n]*?\S)~(?=[^\w~]|$)/g, "$1<s>$2</s>")
    .replace(/:([a-z0-9_+-]+):/g, (whole, name) => emoji[name] ?? whole);
}

function angleHtml(inner, names) {
  const [target = "", label] = inner.split("|");
  if (target.startsWith("@")) {
    const id = target.slice(1);
    return `<span class="mention">@${escapeHtml(label ?? names.userName(id))}</span>`;
  }
  if (target.startsWith("#")) {
    const id = target.slice(1);
    return `<span class="mention">#${escapeHtml(label ?? names.channelName(id))}</span>`;
  }
  if (target.startsWith("!")) {
    const special = target.slice(1).split("^")[0] ?? "";
    return `<span class="mention">@${escapeHtml(label ?? special)}</span>`;
  }
  if (/^(https?:|mailto:)/.test(target)) {
    const href = escapeHtml(unescapeSlack(target));
    return `<a href="${href}" target="_blank" rel="noopener">${escapeHtml(unescapeSlack(label ?? target))}</a>`;
  }
  return escapeHtml(`<${unescapeSlack(inner)}>`);
}
