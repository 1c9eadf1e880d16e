import { isRole, type Role } from "../domain/roles.ts";

/** "a,b" role codes → their names in one language, joined for a sentence. */
export function roleList(codes: string | number, names: Record<Role, string>): string {
  return String(codes)
    .split(",")
    .map((code) => (isRole(code) ? names[code] : code))
    .join(" / ");
}
