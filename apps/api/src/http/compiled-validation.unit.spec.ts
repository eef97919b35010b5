import { ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import fc from 'fast-check';
import { CALLER_EVIDENCE_METHODS, PARENTAL_VERIFICATION_METHODS } from '#domain';
import Fastify from 'fastify';
import { ContactabilityQueryDto } from '../read-side/dto/read-queries.dto';
import { GrantConsentDto, RevokeConsentDto } from '../subjects/dto/grant-consent.dto';
import { validateCompiled } from './compiled-validation';
import { ApiValidationPipe } from './validation.pipe';

const body = (metatype: Function): ArgumentMetadata => ({
  type: 'body',
  metatype: metatype as ArgumentMetadata['metatype'],
});

/** What a path answers: the value it passes on (class and all), or the refusal's body. */
async function outcome(run: () => Promise<unknown>): Promise<unknown> {
  try {
    return { passed: await run() };
  } catch (error) {
    return { refused: (error as { getResponse(): unknown }).getResponse() };
  }
}

// Each path gets its own copy, as a request does: the full path strips prototype keys in place.
const copy = (value: unknown): unknown => JSON.parse(JSON.stringify(value ?? null));
const pipe = new ApiValidationPipe();
/** class-transformer and class-validator alone: Nest's ValidationPipe with ApiValidationPipe's options. */
const viaClassValidator = (dto: Function, value: unknown) =>
  outcome(() => ValidationPipe.prototype.transform.call(pipe, copy(value), body(dto)));
const viaPipe = (dto: Function, value: unknown) => outcome(() => pipe.transform(copy(value), body(dto)));

const evidence = {
  method: 'checkbox',
  capturedAt: '2026-11-25T09:00:00.000Z',
  sourceSystem: 'web-shop',
  textVersion: 1,
  affirmativeAction: true,
};
const grant = { topicId: 'newsletter', channel: 'email', evidence };

const GRANTS: Array<[string, unknown]> = [
  ['the least a grant names', grant],
  [
    'every optional field',
    {
      ...grant,
      contactPointId: '0b0c8f7e-3d1f-4a55-9a0e-5f2d3c4b5a69',
      expiresAt: '2027-01-01T00:00:00Z',
      evidence: {
        ...evidence,
        formId: 'footer',
        ipAddress: '203.0.113.7',
        userAgent: 'Mozilla/5.0',
        parentalAuthorisation: { method: 'signed_form', reference: 'case-1', holderName: 'P. Arent' },
      },
    },
  ],
  ['no evidence (ValidateNested passes undefined)', { topicId: 'newsletter', channel: 'email' }],
  ['a topic of 63 emoji (surrogate pairs)', { ...grant, topicId: '\u{1F600}'.repeat(63) }],
  ['a topic one too long', { ...grant, topicId: 't'.repeat(64) }],
  ['an empty channel', { ...grant, channel: '' }],
  ['a text version as text', { ...grant, evidence: { ...evidence, textVersion: '1' } }],
  ['text version 0', { ...grant, evidence: { ...evidence, textVersion: 0 } }],
  ['a pre-ticked box as "true"', { ...grant, evidence: { ...evidence, affirmativeAction: 'true' } }],
  ['30 February', { ...grant, evidence: { ...evidence, capturedAt: '2026-02-30T09:00:00Z' } }],
  ['an unknown method', { ...grant, evidence: { ...evidence, method: 'pre-ticked' } }],
  ['an unknown field', { ...grant, note: 'x' }],
  ['an unknown evidence field', { ...grant, evidence: { ...evidence, name: 'Erika' } }],
  ['a null optional field', { ...grant, expiresAt: null }],
  ['evidence as a list', { ...grant, evidence: [evidence] }],
  ['a contact point that is no UUID', { ...grant, contactPointId: 'cp-1' }],
  [
    'a __proto__ key',
    JSON.parse(`{"topicId":"t","channel":"email","__proto__":{"x":1},"evidence":${JSON.stringify(evidence)}}`),
  ],
];

describe('validateCompiled', () => {
  it.each(GRANTS)('answers a grant with %s exactly as class-validator does', async (_case, value) => {
    expect(await viaPipe(GrantConsentDto, value)).toStrictEqual(await viaClassValidator(GrantConsentDto, value));
  });

  it('accepts well-formed grants and revocations itself, without class-transformer', () => {
    expect(validateCompiled(GrantConsentDto, copy(GRANTS[0]![1]))).toBeInstanceOf(GrantConsentDto);
    expect(validateCompiled(GrantConsentDto, copy(GRANTS[1]![1]))).toBeInstanceOf(GrantConsentDto);
    expect(validateCompiled(RevokeConsentDto, { topicId: 'newsletter', reason: 'no longer' })).toBeInstanceOf(
      RevokeConsentDto,
    );
  });

  it('accepts a query as Fastify parses it (an object of an empty null-prototype class)', async () => {
    const app = Fastify();
    app.get('/check', async (request) => ({
      compiled: validateCompiled(ContactabilityQueryDto, request.query) instanceof ContactabilityQueryDto,
    }));
    const answer = await app.inject({ method: 'GET', url: '/check?topicId=promo&channel=email' });
    await app.close();
    expect(answer.json()).toEqual({ compiled: true });
  });

  it('leaves every refusal to class-validator', () => {
    for (const [, value] of GRANTS.slice(4)) expect(validateCompiled(GrantConsentDto, copy(value))).toBeUndefined();
  });

  it('passes on only what class-validator passes, as the same instances, for generated grants', async () => {
    let compiledPassed = 0;
    await fc.assert(
      fc.asyncProperty(grantLike(), async (value) => {
        const compiled = validateCompiled(GrantConsentDto, copy(value));
        const full = await viaClassValidator(GrantConsentDto, value);
        if (compiled !== undefined) {
          compiledPassed++;
          expect(full).toStrictEqual({ passed: compiled });
        }
        expect(await viaPipe(GrantConsentDto, value)).toStrictEqual(full);
      }),
      { numRuns: 400 },
    );
    // The generator is not so wild that the compiled path never runs.
    expect(compiledPassed).toBeGreaterThan(100);
  });

  it('agrees with class-validator on generated revocations', async () => {
    await fc.assert(
      fc.asyncProperty(revokeLike(), async (value) => {
        const compiled = validateCompiled(RevokeConsentDto, copy(value));
        const full = await viaClassValidator(RevokeConsentDto, value);
        if (compiled !== undefined) expect(full).toStrictEqual({ passed: compiled });
        expect(await viaPipe(RevokeConsentDto, value)).toStrictEqual(full);
      }),
      { numRuns: 300 },
    );
  });
});

/**
 * Values within the DTO's limits, and (wild) a share of values around and beyond them: lengths at
 * each bound, surrogate pairs, impossible dates, wrong types, nulls, extra keys.
 */
function values(wild: boolean) {
  const text = (max: number) =>
    wild
      ? fc.oneof(
          { weight: 4, arbitrary: fc.string({ minLength: 1, maxLength: Math.min(max, 20) }) },
          fc.string({ unit: 'grapheme', minLength: 0, maxLength: max + 2 }),
          fc.constantFrom('', 'x'.repeat(max), 'x'.repeat(max + 1)),
        )
      : fc.string({ minLength: 1, maxLength: Math.min(max, 20) });
  const junk = fc.oneof(fc.integer(), fc.boolean(), fc.constant(null), fc.constant([]), fc.constant({}));
  const field = <T>(good: fc.Arbitrary<T>, odd?: fc.Arbitrary<unknown>) =>
    wild ? fc.oneof({ weight: 12, arbitrary: good }, ...(odd ? [odd] : []), junk) : good;
  const instant = field(
    fc
      .date({ min: new Date('1970-01-01'), max: new Date('2100-01-01'), noInvalidDate: true })
      .map((d) => d.toISOString()),
    fc.constantFrom(
      '2026-02-29T00:00:00Z',
      '2028-02-29T00:00:00Z',
      '2026-11-25',
      '2026-11-25T09:00',
      '2026-13-01T00:00:00Z',
    ),
  );
  const uuid = field(fc.uuid(), fc.constant('cp-1'));
  return { text: (max: number) => field(text(max)), field, instant, uuid };
}

function evidenceLike(wild: boolean) {
  const { text, field, instant } = values(wild);
  const parental = fc.record(
    {
      method: field(fc.constantFrom(...PARENTAL_VERIFICATION_METHODS), fc.constant('letter')),
      reference: text(200),
      holderName: text(200),
    },
    { requiredKeys: ['method', 'reference'] },
  );
  return fc.record(
    {
      method: field(fc.constantFrom(...CALLER_EVIDENCE_METHODS), fc.constant('pre-ticked')),
      capturedAt: instant,
      sourceSystem: text(100),
      formId: text(100),
      textVersion: field(
        fc.integer({ min: 1, max: 5 }),
        fc.oneof(fc.integer({ min: -1, max: 0 }), fc.double(), fc.constant('1')),
      ),
      ipAddress: text(64),
      userAgent: text(1000),
      affirmativeAction: field(fc.boolean(), fc.constant('true')),
      parentalAuthorisation: field(parental),
    },
    { requiredKeys: ['method', 'capturedAt', 'sourceSystem', 'textVersion', 'affirmativeAction'] },
  );
}

function grantLike() {
  const grant = (wild: boolean) => {
    const { text, field, instant, uuid } = values(wild);
    const fields = fc.record(
      {
        topicId: text(63),
        channel: text(40),
        contactPointId: uuid,
        expiresAt: instant,
        evidence: field(evidenceLike(wild)),
      },
      { requiredKeys: ['topicId', 'channel', 'evidence'] },
    );
    const extra = fc.dictionary(fc.constantFrom('note', 'name', 'topic'), fc.string(), { minKeys: 1, maxKeys: 1 });
    return wild
      ? fc.oneof(
          fields,
          fc.tuple(fields, extra).map(([g, e]) => ({ ...g, ...e })),
        )
      : fields;
  };
  return fc.oneof(grant(false), grant(true));
}

function revokeLike() {
  const revoke = (wild: boolean) => {
    const { text, uuid } = values(wild);
    return fc.record(
      { topicId: text(63), channel: text(40), contactPointId: uuid, reason: text(2000) },
      { requiredKeys: ['topicId'] },
    );
  };
  return fc.oneof(revoke(false), revoke(true));
}
