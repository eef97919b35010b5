/**
 * Enough of an address to tell people apart in a list, not enough to write to them (Art. 5(1)(c)):
 * an e-mail keeps its first letter and its domain, anything else its last four characters.
 */
export function maskAddress(address: string): string {
  const at = address.lastIndexOf('@');
  if (at > 0) return `${address[0]}•••${address.slice(at)}`;
  const tail = address.slice(-4);
  return `•••${tail}`;
}
