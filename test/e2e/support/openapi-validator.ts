import Ajv, { type ValidateFunction } from 'ajv';
import addFormats from 'ajv-formats';

/** One real answer of the app, as a client saw it. */
export interface Exchange {
  method: string;
  url: string;
  status: number;
  contentType: string;
  body: string;
}

interface OpenApiDocument {
  paths: Record<
    string,
    Record<
      string,
      { operationId: string; responses: Record<string, { content?: Record<string, { schema?: object }> }> }
    >
  >;
  components: object;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

/** `{method} {path template}` of every operation in the document. */
export function operationsOf(document: OpenApiDocument): string[] {
  return Object.entries(document.paths).flatMap(([path, item]) =>
    METHODS.filter((method) => item[method]).map((method) => `${method.toUpperCase()} ${path}`),
  );
}

/** The document's path template a URL is served by: the one with the fewest parameters wins. */
export function templateOf(document: OpenApiDocument, url: string): string | undefined {
  const path = url.split('?')[0]!;
  const matching = Object.keys(document.paths).filter((template) =>
    new RegExp(`^${template.replace(/\{[^}]+\}/g, '[^/]+')}$`).test(path),
  );
  return matching.sort((a, b) => a.split('{').length - b.split('{').length)[0];
}

/**
 * Checks real answers against the document: the status is documented for the operation, the
 * media type is one it lists, and a JSON body satisfies the schema (ajv, components resolved).
 */
export function answerValidator(document: OpenApiDocument): (exchange: Exchange) => string | undefined {
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  const compiled = new Map<string, ValidateFunction>();
  const compile = (key: string, schema: object) => {
    if (!compiled.has(key)) compiled.set(key, ajv.compile({ ...schema, components: document.components }));
    return compiled.get(key)!;
  };
  return (exchange) => {
    const template = templateOf(document, exchange.url);
    const operation = template === undefined ? undefined : document.paths[template]![exchange.method.toLowerCase()];
    const where = `${exchange.method} ${exchange.url} -> ${exchange.status}`;
    if (!operation) return `${where}: no such operation in the document`;
    const response = operation.responses[String(exchange.status)];
    if (!response)
      return `${where}: status not documented (documented: ${Object.keys(operation.responses).join(', ')})`;
    if (exchange.status === 204) return exchange.body === '' ? undefined : `${where}: 204 with a body`;
    const media = exchange.contentType.split(';')[0]!.trim();
    const content = response.content?.[media];
    if (!content?.schema) return `${where}: media type ${media} not documented`;
    if (media !== 'application/json') return undefined;
    const validate = compile(`${operation.operationId} ${exchange.status}`, content.schema);
    if (validate(JSON.parse(exchange.body))) return undefined;
    return `${where}: ${ajv.errorsText(validate.errors)} in ${exchange.body.slice(0, 300)}`;
  };
}
