import { getMetadataStorage, ValidationTypes } from 'class-validator';
import type { ValidationMetadata } from 'class-validator/types/metadata/ValidationMetadata';
import { defaultMetadataStorage as transformerMetadata } from 'class-transformer/cjs/storage';
import { TransformationType } from 'class-transformer';

type Dto = new () => object;

interface Rule {
  /** IsOptional, ValidateIf: when one says no, the property's other rules are skipped. */
  conditions: ValidationMetadata[];
  checks: Array<{ metadata: ValidationMetadata; validate: (value: unknown, args: object) => unknown }>;
  /** The class of a ValidateNested property (its @Type). */
  nested?: Compiled;
}

interface Compiled {
  dto: Dto;
  /** The `targetName` of the rules' validation arguments. */
  name: string;
  rules: Map<string, Rule>;
}

const validators = getMetadataStorage();
const compiledDtos = new WeakMap<Dto, Compiled | null>();

/**
 * The DTO instance class-transformer would build from `value` when class-validator accepts it;
 * undefined means "take the full path" (a refusal, or a value or DTO this does not model).
 * class-validator's own rules, read from the DTO's decorators and run without its executor and
 * without class-transformer, whose metadata lookups and error bookkeeping a grant pays each time. The
 * accepted set is never wider than the DTO's: a value passes only when every rule of every
 * property holds (the same constraint objects decide), it holds no key the DTO lacks, and each
 * value is a string, number or boolean or a nested DTO's plain object. Anything else answers
 * undefined and goes through ApiValidationPipe's full path, so every 400 is class-validator's.
 * A DTO using what this does not model (groups, `each`, async rules, @Expose/@Exclude/@Transform,
 * a @Type on a non-nested property) is not compiled at all.
 */
export function validateCompiled(dto: Function, value: unknown): object | undefined {
  const compiled = compile(dto as Dto);
  return compiled === undefined ? undefined : build(compiled, value);
}

function compile(dto: Dto, seen: ReadonlySet<Dto> = new Set()): Compiled | undefined {
  const known = compiledDtos.get(dto);
  if (known !== undefined) return known ?? undefined;
  if (seen.has(dto)) return undefined;
  const compiled = compileRules(dto, new Set([...seen, dto]));
  compiledDtos.set(dto, compiled ?? null);
  return compiled;
}

function compileRules(dto: Dto, seen: ReadonlySet<Dto>): Compiled | undefined {
  const metadatas = validators.getTargetValidationMetadatas(dto, '', false, false);
  if (metadatas.length === 0 || !transformsPlainly(dto)) return undefined;
  const rules = new Map<string, Rule>();
  for (const [property, own] of Object.entries(validators.groupByPropertyName(metadatas))) {
    const rule = compileProperty(dto, property, own, seen);
    if (rule === undefined) return undefined;
    rules.set(property, rule);
  }
  // whitelist refuses an own field without rules, and every field of `new dto()` is an own field.
  if (!Object.keys(new dto()).every((field) => rules.has(field))) return undefined;
  return { dto, name: dto.name, rules };
}

function transformsPlainly(dto: Dto): boolean {
  return (
    transformerMetadata.getExposedMetadatas(dto).length === 0 &&
    transformerMetadata.getExcludedMetadatas(dto).length === 0
  );
}

function compileProperty(
  dto: Dto,
  property: string,
  metadatas: ValidationMetadata[],
  seen: ReadonlySet<Dto>,
): Rule | undefined {
  if (transformerMetadata.findTransformMetadatas(dto, property, TransformationType.PLAIN_TO_CLASS).length > 0) return;
  const rule: Rule = { conditions: [], checks: [] };
  for (const metadata of metadatas) {
    if (metadata.each || metadata.always || (metadata.groups?.length ?? 0) > 0) return;
    if (metadata.type === ValidationTypes.CONDITIONAL_VALIDATION) rule.conditions.push(metadata);
    else if (metadata.type === ValidationTypes.CUSTOM_VALIDATION) {
      for (const constraint of validators.getTargetValidatorConstraints(metadata.constraintCls)) {
        if (constraint.async) return;
        const instance = constraint.instance;
        rule.checks.push({ metadata, validate: (value, args) => instance.validate(value, args as never) });
      }
    } else if (metadata.type === ValidationTypes.NESTED_VALIDATION) {
      rule.nested = nestedDto(dto, property, seen);
      if (rule.nested === undefined) return;
    } else return;
  }
  const typed = transformerMetadata.findTypeMetadata(dto, property) !== undefined;
  return typed === (rule.nested !== undefined) ? rule : undefined;
}

function nestedDto(dto: Dto, property: string, seen: ReadonlySet<Dto>): Compiled | undefined {
  const type = transformerMetadata.findTypeMetadata(dto, property);
  if (type === undefined || type.options?.discriminator !== undefined || !type.typeFunction) return;
  const target = type.typeFunction() as unknown;
  return typeof target === 'function' ? compile(target as Dto, seen) : undefined;
}

/** What plainToInstance builds (a fresh instance, then the value's keys), checked as validate() would. */
function build(compiled: Compiled, value: unknown): object | undefined {
  if (!isPlainObject(value)) return;
  const instance = new compiled.dto() as Record<string, unknown>;
  for (const key of Object.keys(value)) {
    const rule = compiled.rules.get(key);
    if (rule === undefined) return;
    const field = (value as Record<string, unknown>)[key];
    const built = rule.nested === undefined ? primitive(field) : build(rule.nested, field);
    if (built === undefined) return;
    instance[key] = built;
  }
  for (const [property, rule] of compiled.rules) if (!holds(compiled.name, instance, property, rule)) return;
  return instance;
}

/** As ValidationExecutor.performValidations: conditions first, then every rule; a nested value was checked when built. */
function holds(targetName: string, instance: Record<string, unknown>, property: string, rule: Rule): boolean {
  const value = instance[property];
  if (!rule.conditions.every((c) => (c.constraints[0] as (o: object, v: unknown) => boolean)(instance, value)))
    return true;
  return rule.checks.every(({ metadata, validate }) => {
    if (metadata.validateIf && !metadata.validateIf(instance, value)) return true;
    const args = { targetName, property, object: instance, value, constraints: metadata.constraints };
    return validate(value, args) === true;
  });
}

function primitive(value: unknown): string | number | boolean | undefined {
  return typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean' ? value : undefined;
}

function isPlainObject(value: unknown): value is object {
  if (typeof value !== 'object' || value === null) return false;
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null || isEmptyDictionary(prototype);
}

/**
 * Fastify's query parser (fast-querystring) builds `new Empty()`, whose prototype is an empty
 * null-prototype object: it inherits nothing, so it is read like a null-prototype object.
 */
function isEmptyDictionary(prototype: object): boolean {
  return Object.getPrototypeOf(prototype) === null && Reflect.ownKeys(prototype).length === 0;
}
