import 'reflect-metadata';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig, openInfrastructure } from '#runtime';
import { createApp } from './create-app';
import { createOpenApiDocument } from './http/openapi';

/**
 * Writes the OpenAPI document of the real app to the given file (or stdout) without listening:
 * the app is built with the default configuration on empty embedded stores in a temporary folder.
 */
async function main(target: string | undefined): Promise<void> {
  const dataDir = mkdtempSync(join(tmpdir(), 'ledger-openapi-'));
  try {
    // The defaults, not this shell's settings (no store servers to reach); a throwaway admin key,
    // or a development key would be generated and printed.
    const infra = await openInfrastructure(
      loadConfig({ DATA_DIR: dataDir, LOG_LEVEL: 'silent', ADMIN_API_KEY: randomBytes(32).toString('base64url') }),
      () => undefined,
    );
    const app = await createApp(infra);
    const document = `${JSON.stringify(createOpenApiDocument(app), null, 2)}\n`;
    await app.close();
    if (target) writeFileSync(target, document);
    else process.stdout.write(document);
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main(process.argv[2]).catch((error: Error) => {
  process.stderr.write(`openapi-document: ${error.stack ?? error.message}\n`);
  process.exit(1);
});
