import { HttpException } from '@nestjs/common';

/** An HTTP refusal of the edge itself (auth, validation, rate limit) with a stable code. */
export class ApiHttpException extends HttpException {
  constructor(
    status: number,
    readonly code: string,
    message: string,
    /** Response headers the refusal needs, e.g. WWW-Authenticate on a 401. */
    readonly headers: Readonly<Record<string, string>> = {},
    /** Extra body fields, e.g. `violations` of a validation failure. */
    readonly details: Readonly<Record<string, unknown>> = {},
  ) {
    super({ code, message, ...details }, status);
  }
}
