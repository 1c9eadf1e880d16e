/** JSON from an untrusted string (button values, private_metadata): undefined instead of a throw. */
export function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
