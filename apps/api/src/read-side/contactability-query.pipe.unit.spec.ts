import { ApiValidationPipe } from '../http/validation.pipe';
import { ContactabilityQueryPipe } from './contactability-query.pipe';
import { ContactabilityQueryDto } from './dto/read-queries.dto';

/** What the DTO path answers: the value it passes on, or the refusal's body. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { passed: { ...((await run()) as object) } };
  } catch (error) {
    return { refused: (error as { getResponse(): unknown }).getResponse() };
  }
}

const viaDto = (query: unknown) =>
  outcome(() => new ApiValidationPipe().transform(query, { type: 'query', metatype: ContactabilityQueryDto }));
const viaPipe = (query: unknown) => outcome(async () => new ContactabilityQueryPipe().transform(query));

const QUERIES: Array<[string, unknown]> = [
  ['topic and channel', { topicId: 'promo', channel: 'email' }],
  ['a contact point too', { topicId: 'promo', channel: 'email', contactPointId: 'cp-1' }],
  ['the longest topic', { topicId: 't'.repeat(128), channel: 'email' }],
  ['a topic one too long', { topicId: 't'.repeat(129), channel: 'email' }],
  ['a topic of 128 emoji (surrogate pairs)', { topicId: '\u{1F600}'.repeat(128), channel: 'email' }],
  ['a channel one too long', { topicId: 'promo', channel: 'c'.repeat(65) }],
  ['an empty topic', { topicId: '', channel: 'email' }],
  ['no topic', { channel: 'email' }],
  ['nothing', {}],
  ['an unknown parameter', { topicId: 'promo', channel: 'email', limit: '5' }],
  ['a repeated topic', { topicId: ['a', 'b'], channel: 'email' }],
  ['an empty contact point', { topicId: 'promo', channel: 'email', contactPointId: '' }],
  ['a __proto__ key', JSON.parse('{"topicId":"promo","channel":"email","__proto__":"x"}')],
  ['a null-prototype query', Object.assign(Object.create(null), { topicId: 'promo', channel: 'email' })],
];

describe('ContactabilityQueryPipe', () => {
  it.each(QUERIES)('answers %s exactly as the DTO does', async (_case, query) => {
    expect(await viaPipe(query)).toEqual(await viaDto(query));
  });

  it('refuses with the violations class-validator names', async () => {
    const refused = (await viaPipe({ channel: 'email', extra: 'x' })) as {
      refused: { code: string; violations: Array<{ field: string }> };
    };
    expect(refused.refused.code).toBe('VALIDATION.FAILED');
    expect(refused.refused.violations.map((v) => v.field)).toEqual(expect.arrayContaining(['topicId', 'extra']));
  });
});
