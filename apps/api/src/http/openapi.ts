import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../auth/route-access';

export const DOCS_PATH = '/docs';
export const DOCS_JSON_PATH = '/docs/json';

/** Swagger UI at /docs (assets via @fastify/static) and the OpenAPI 3 document at /docs/json. */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Privacy Ledger')
    .setDescription('Event-sourced GDPR consent ledger. Send API keys as "Authorization: Bearer <key>".')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' }, BEARER_SCHEME)
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config), {
    raw: ['json'],
    jsonDocumentUrl: DOCS_JSON_PATH,
    customSiteTitle: 'Privacy Ledger API',
  });
}
