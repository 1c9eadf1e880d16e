/** Text that is shown, not parsed: Slack reads `<…>` as links and mentions and `&` as an entity. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}
