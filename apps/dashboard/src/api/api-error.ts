/** A refusal of the api: its stable code and message (and the field, for validation). */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

/** The api's refusal body (`{ statusCode, error, code, message, field }`) as an ApiError. */
export async function apiErrorOf(response: Response): Promise<ApiError> {
  const body = (await response.json().catch(() => ({}))) as { code?: string; message?: string; field?: string };
  return new ApiError(
    response.status,
    body.code ?? `HTTP.${response.status}`,
    body.message ?? response.statusText,
    body.field,
  );
}
