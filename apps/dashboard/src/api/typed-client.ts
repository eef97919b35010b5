import type { paths } from './schema';
import { ApiError } from './api-error';

type Method = 'get' | 'post' | 'patch' | 'delete';
// unknown, not never, when nothing is documented: reading a field of an undocumented answer must not compile.
type Json<R> = R extends { content: { 'application/json': infer T } } ? T : unknown;
type OperationOf<P extends keyof paths, M extends Method> = paths[P] extends { [K in M]: infer O } ? O : never;
type Responses<O> = O extends { responses: infer R } ? R : never;
type Parameters<O, In extends string> = O extends { parameters: { [K in In]?: infer A } } ? A : never;

/** The JSON a route answers on success (200, 201 or 202), as the OpenAPI document declares it. */
export type Answer<P extends keyof paths, M extends Method> = Json<
  Responses<OperationOf<P, M>>[Extract<keyof Responses<OperationOf<P, M>>, 200 | 201 | 202>]
>;

/** What a call takes: the path's parameters, the query, the JSON body, as the document declares them. */
export interface CallInput<O> {
  path?: Parameters<O, 'path'>;
  query?: Parameters<O, 'query'>;
  body?: O extends { requestBody?: infer B } ? Json<B> : never;
  /** Read-your-writes: answer once the read models include this position (from a command). */
  minPosition?: number;
}

function url<P extends string>(template: P, path: object = {}, query: object = {}): string {
  const filled = template.replace(/\{([^}]+)\}/g, (_, name: string) =>
    encodeURIComponent(String((path as Record<string, unknown>)[name])),
  );
  const search = new URLSearchParams(
    Object.entries(query)
      .filter(([, value]) => value !== undefined)
      .map(([key, value]): [string, string] => [key, String(value)]),
  );
  return search.size > 0 ? `${filled}?${search}` : filled;
}

/**
 * A client whose routes, inputs and answers are typed from the generated schema: a route the api
 * does not serve, a misspelt field or an answer read wrongly does not compile.
 */
export function createTypedClient(baseUrl: string, key: string) {
  return async function call<P extends keyof paths, M extends Method & keyof paths[P]>(
    method: M,
    path: P,
    input: CallInput<OperationOf<P, M>> = {},
  ): Promise<Answer<P, M>> {
    const headers: Record<string, string> = { authorization: `Bearer ${key}`, accept: 'application/json' };
    if (input.minPosition !== undefined) headers['x-min-position'] = String(input.minPosition);
    if (input.body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${baseUrl}${url(path, input.path ?? {}, input.query ?? {})}`, {
      method: method.toUpperCase(),
      headers,
      body: input.body === undefined ? undefined : JSON.stringify(input.body),
    });
    const body = (await response.json()) as unknown;
    if (!response.ok) {
      const refusal = body as { code?: string; message?: string; field?: string };
      throw new ApiError(
        response.status,
        refusal.code ?? `HTTP.${response.status}`,
        refusal.message ?? response.statusText,
        refusal.field,
      );
    }
    return body as Answer<P, M>;
  };
}
