// @ts-check
// The page's only way to the workspace: the sandbox server's small JSON API and its live stream.

const header = { "X-Jxc-Sandbox": "1" };

/** The workspace as one user sees it. */
export async function fetchWorkspace(user) {
  const response = await fetch(`/sandbox/workspace?user=${encodeURIComponent(user)}`);
  if (!response.ok) throw new Error(`workspace: HTTP ${response.status}`);
  return response.json();
}

/** Posts an act (a command, a click, a submission) and answers the server's verdict. */
export async function post(path, body) {
  const response = await fetch(`/sandbox/${path}`, {
    method: "POST",
    headers: { ...header, "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  if (!response.ok && response.status !== 400) return { ok: false, error: `HTTP ${response.status}` };
  return response.json();
}

/** Uploads a picked file into the emulated Slack, as the Slack client does before a submission. */
export async function upload(user, file) {
  const query = `user=${encodeURIComponent(user)}&name=${encodeURIComponent(file.name)}`;
  const response = await fetch(`/sandbox/upload?${query}`, {
    method: "POST",
    headers: { ...header, "Content-Type": "application/octet-stream" },
    body: file,
  });
  if (!response.ok) throw new Error(`upload: HTTP ${response.status}`);
  return response.json();
}

/** Calls `onChange` whenever the workspace may look different; the browser reconnects by itself. */
export function watchWorkspace(onChange) {
  const source = new EventSource("/sandbox/live");
  source.addEventListener("changed", onChange);
  source.addEventListener("ready", onChange);
  return source;
}
