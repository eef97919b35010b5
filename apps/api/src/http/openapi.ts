import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule, type OpenAPIObject } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../auth/route-access';
import { documentRefusals } from './openapi/document-refusals';
import { API_SCHEMAS } from './openapi/schemas';

export const DOCS_PATH = '/docs';
export const DOCS_JSON_PATH = '/docs/json';

/** `ConsentsController.grant` -> `consentsGrant`: unique per route and stable, for generated clients' method names. */
export function operationId(controllerKey: string, methodKey: string): string {
  const base = controllerKey.replace(/Controller$/, '');
  return `${base[0]!.toLowerCase()}${base.slice(1)}${methodKey[0]!.toUpperCase()}${methodKey.slice(1)}`;
}

/** The OpenAPI 3 document of the app: every route's answers, refusals and named schemas. */
export function createOpenApiDocument(app: NestFastifyApplication): OpenAPIObject {
  const config = new DocumentBuilder()
    .setTitle('Privacy Ledger')
    .setDescription('Event-sourced GDPR consent ledger. Send API keys as "Authorization: Bearer <key>".')
    .setVersion('0.1.0')
    .setLicense('UNLICENSED', 'https://opensource.org/license/unlicense')
    .addServer('/', 'This server')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' }, BEARER_SCHEME)
    .build();
  documentRefusals(app);
  const document = SwaggerModule.createDocument(app, config, { operationIdFactory: operationId });
  document.components = { ...document.components, schemas: { ...document.components?.schemas, ...API_SCHEMAS } };
  markPublic(document);
  return document;
}

/** `security: []` says "no key" outright (OpenAPI 3.0, 4.8.10) on the @Public routes, which declare no scheme. */
function markPublic(document: OpenAPIObject): void {
  for (const item of Object.values(document.paths)) {
    for (const operation of [item.get, item.post, item.put, item.patch, item.delete]) {
      if (operation && operation.security === undefined) operation.security = [];
    }
  }
}

/** Swagger UI at /docs (assets via @fastify/static) and the OpenAPI 3 document at /docs/json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  SwaggerModule.setup(DOCS_PATH, app, () => createOpenApiDocument(app), {
    raw: ['json'],
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'Privacy Ledger API',
  });
}
