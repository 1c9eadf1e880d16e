/** Rewrites the message a response URL belongs to (works for ephemeral messages too). */
export async function replaceViaResponseUrl(
  responseUrl: string,
  message: { text: string; blocks?: unknown[] },
): Promise<void> {
  const response = await fetch(responseUrl, {
    method: "POST",
    headers: { "Content-Type": "application/json; charset=utf-8" },
    body: JSON.stringify({ ...message, replace_original: true }),
  });
  if (!response.ok) throw new Error(`response_url answered HTTP ${response.status}`);
}
