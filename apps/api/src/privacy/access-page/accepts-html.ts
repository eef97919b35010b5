/** Content negotiation by the first of text/html and application/json the client lists (RFC 9110 12.5.1, without weights). */
export function acceptsHtml(accept: string | undefined): boolean {
  const types = (accept ?? '').split(',').map((part) => part.split(';')[0].trim().toLowerCase());
  const first = types.find((type) => type === 'text/html' || type === 'application/json');
  return first === 'text/html';
}
