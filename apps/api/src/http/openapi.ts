import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { BEARER_SCHEME } from '../auth/route-access';

export const DOCS_PATH = '/docs';
export const DOCS_JSON_PATH = '/docs/json';

/**
 * The OpenAPI document at /docs/json. Swagger UI needs @fastify/static for its assets (without
 * it SwaggerModule ends the process at start), so /docs is a small page pointing at the JSON.
 */
export function setupOpenApi(app: NestFastifyApplication): void {
  const config = new DocumentBuilder()
    .setTitle('Privacy Ledger')
    .setDescription('Event-sourced GDPR consent ledger. Send API keys as "Authorization: Bearer <key>".')
    .setVersion('0.1.0')
    .addBearerAuth({ type: 'http', scheme: 'bearer', description: 'An API key' }, BEARER_SCHEME)
    .build();
  SwaggerModule.setup(DOCS_PATH, app, () => SwaggerModule.createDocument(app, config), {
    ui: false,
    raw: ['json'],
    jsonDocumentUrl: DOCS_JSON_PATH,
  });
  app.getHttpAdapter().get(DOCS_PATH, (_request: unknown, reply: { type(t: string): { send(b: string): void } }) => {
    reply.type('text/html; charset=utf-8').send(DOCS_PAGE);
  });
}

const DOCS_PAGE = `<!doctype html>
<html lang="en">
<head><meta charset="utf-8"><title>Privacy Ledger API</title></head>
<body>
<h1>Privacy Ledger API</h1>
<p>The OpenAPI 3 document is at <a href="${DOCS_JSON_PATH}">${DOCS_JSON_PATH}</a>.
Load it into any OpenAPI viewer or client generator.</p>
</body>
</html>
`;
