import { loggedPath } from './log-path';

describe('loggedPath', () => {
  it('logs the matched route pattern, not the values in the path', () => {
    expect(loggedPath({ url: '/subjects/anna@example.org', routeOptions: { url: '/subjects/:id' } })).toBe(
      '/subjects/:id',
    );
    expect(loggedPath({ url: '/subjects?email=anna%40example.org', routeOptions: { url: '/subjects' } })).toBe(
      '/subjects',
    );
  });

  it('keeps only a route word of an unmatched path, never a value or a query', () => {
    expect(loggedPath({ url: '/subjects/anna@example.org/nothing-here?email=anna@example.org' })).toBe(
      '/subjects/:redacted/:redacted',
    );
    expect(loggedPath({ url: '/anna%40example.org' })).toBe('/:redacted');
    expect(loggedPath({ url: '/+4915198765432' })).toBe('/:redacted');
    expect(loggedPath({ url: '/?email=anna@example.org' })).toBe('/');
  });
});
