/** Text that is shown, not parsed: Slack reads `<…>` as links and mentions and `&` as an entity. */
export function escapeMrkdwn(text: string): string {
  // Most names have none of the three: one test instead of three replacements and their copies.
  if (!needsEscape.test(text)) return text;
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const needsEscape = /[&<>]/;
