/** A time Slack shows in each reader's own time zone and format, with a plain fallback. */
export function slackDate(at: number): string {
  const seconds = Math.floor(at / 1000);
  return `<!date^${seconds}^{date_short_pretty} {time}|${new Date(at).toISOString().slice(0, 16).replace("T", " ")} UTC>`;
}
