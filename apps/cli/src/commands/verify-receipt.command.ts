import { readFileSync } from 'node:fs';
import type { Command } from 'commander';
import { loadConfig, openVerifyingKey } from '#runtime';
import { verifyReceipt, type ReceiptCheck } from '#audit';
import { isJson, out } from './audit-cli';

function parse(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

const included = (check: Extract<ReceiptCheck, { valid: true }>) =>
  check.included
    ? `; the grant is leaf ${check.included.leafIndex} of the log's tree of ${check.included.treeSize} events its checkpoint signs`
    : '; no checkpoint covered the grant yet';

/** Offline: needs only the receipt and the public key (GET /audit/public-key), never the stores. */
export function register(program: Command): void {
  program
    .command('verify-receipt <file>')
    .description('check a consent receipt offline against the public key; exit 0 valid, 1 invalid')
    .option('--public-key <file>', 'PEM public key (default: the configured signing key)')
    .action((file: string, options: { publicKey?: string }) => {
      const key = openVerifyingKey(loadConfig(), options.publicKey);
      if (!key) throw new Error('no public key: pass --public-key <file> (GET /audit/public-key serves it)');
      const receipt = parse(readFileSync(file, 'utf8'));
      const check: ReceiptCheck =
        receipt === undefined ? { valid: false, reason: 'the file is not JSON' } : verifyReceipt(receipt, key);
      if (isJson(program)) out(JSON.stringify(check));
      else
        out(check.valid ? `VALID: signed by ${check.keyId}, unchanged${included(check)}` : `INVALID: ${check.reason}`);
      process.exitCode = check.valid ? 0 : 1;
    });
}
