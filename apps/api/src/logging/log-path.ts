/** A first segment that can only be a route's own word (`subjects`), not a value. */
const ROUTE_WORD = /^[a-z][a-z0-9-]{0,40}$/;

/** The parts of a Fastify request a log line may name. */
export interface LoggedRequest {
  url?: string;
  routeOptions?: { url?: string };
}

/**
 * The path a log line shows: the matched route's pattern (`/subjects/:id`), never the values in
 * it, because a client may put an address where an id belongs (`GET /subjects/anna@example.org`)
 * and logs are kept and shipped without the erasure reaching them (Art. 17, Art. 25). An
 * unmatched path keeps only its first segment. Query strings never appear.
 */
export function loggedPath(request: LoggedRequest): string {
  const route = request.routeOptions?.url;
  if (route) return route;
  const segments = (request.url ?? '')
    .split('?')[0]
    .split('/')
    .filter((segment) => segment !== '');
  return `/${segments.map((segment, i) => (i === 0 && ROUTE_WORD.test(segment) ? segment : ':redacted')).join('/')}`;
}
