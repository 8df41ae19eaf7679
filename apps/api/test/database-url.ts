/** `url` pointed at database `name`, signed in as `role` when given (the admin's credentials otherwise). */
export function withDatabase(url: string, name: string, role?: { name: string; password: string }): string {
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  if (role !== undefined) {
    parsed.username = encodeURIComponent(role.name);
    parsed.password = encodeURIComponent(role.password);
  }
  return parsed.toString();
}
