/** The mailbox an address reaches: case and a `+tag` (sub-addressing) do not make another one. */
export function mailbox(email: string): string {
  const address = email.trim().toLowerCase();
  const at = address.lastIndexOf('@');
  if (at < 0) return address;
  const local = address.slice(0, at).replace(/\+.*$/, '');
  return `${local}${address.slice(at)}`;
}
