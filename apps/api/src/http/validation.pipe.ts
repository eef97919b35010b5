import { Injectable, ValidationPipe, type ArgumentMetadata } from '@nestjs/common';
import type { ValidationError } from 'class-validator';
import type { ApiHttpException } from './api-http.exception';
import { validateCompiled } from './compiled-validation';
import { edgeRefusal } from './edge-refusals';
import { flattenViolations, type Violation } from './violations';

/** Stands for the whole body in a violation, when the body itself is not an object. */
export const BODY_FIELD = '(body)';

export function validationFailed(violations: readonly Violation[]): ApiHttpException {
  const message = violations.map((violation) => violation.message).join('; ') || 'The request is invalid';
  return edgeRefusal('VALIDATION.FAILED', message, {}, { violations });
}

/**
 * class-validator DTOs with unknown fields refused (data minimisation starts at the edge) and
 * values transformed to the DTO's types. A body that is not a JSON object (null, a list, a
 * string) is refused here: class-transformer would otherwise turn a list into a list of DTOs.
 * A value the DTO's compiled rules accept skips class-transformer and class-validator's executor
 * (see validateCompiled); every other value, and every refusal, takes their full path.
 */
@Injectable()
export class ApiValidationPipe extends ValidationPipe {
  constructor() {
    super({
      whitelist: true,
      forbidNonWhitelisted: true,
      transform: true,
      forbidUnknownValues: true,
      validationError: { target: false, value: false },
      exceptionFactory: (errors: ValidationError[]) => validationFailed(flattenViolations(errors)),
    });
  }

  override async transform(value: unknown, metadata: ArgumentMetadata): Promise<unknown> {
    if (metadata.type === 'body' && this.isDto(metadata) && !isPlainObject(value)) {
      throw validationFailed([{ field: BODY_FIELD, rule: 'isObject', message: 'the body must be a JSON object' }]);
    }
    const compiled = this.isDto(metadata) ? validateCompiled(metadata.metatype!, value) : undefined;
    return compiled ?? super.transform(value, metadata);
  }

  private isDto(metadata: ArgumentMetadata): boolean {
    return metadata.metatype !== undefined && this.toValidate(metadata);
  }
}

function isPlainObject(value: unknown): boolean {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
