import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Command } from 'commander';
import { loadConfig } from '#runtime';
import {
  loadMasterKey,
  MongoKeyVault,
  parseMasterKey,
  rewrapAll,
  SqliteKeyVault,
  type KeyVault,
  type MasterKey,
} from '#crypto';
import { isJson, out } from './audit-cli';

/**
 * `ledger rotate-master-key`: re-wraps every data key under the new master key (events are not
 * touched). Run it with the api stopped; it can be run again after an interruption. The new key
 * comes from NEW_MASTER_KEY or --new-key-file and is never printed, only its id.
 */
export function register(program: Command): void {
  program
    .command('rotate-master-key')
    .description('re-wrap all data keys under a new master key (NEW_MASTER_KEY or --new-key-file); stop the api first')
    .option('--new-key-file <path>', 'file holding the new master key (base64 or hex)')
    .action(async (options: { newKeyFile?: string }) => {
      const json = isJson(program);
      const config = loadConfig();
      const embedded = !config.mongodbUri;
      const current = loadMasterKey({ dataDir: config.dataDir, embedded });
      const next = newMasterKey(options.newKeyFile);
      const vault: KeyVault = embedded
        ? SqliteKeyVault.open(join(config.dataDir, 'keys.sqlite'))
        : await MongoKeyVault.connect(config.mongodbUri!);
      try {
        const result = await rewrapAll(vault, current.key, next);
        if (json) return out(JSON.stringify({ ...result, newMasterKeyId: result.toMasterKeyId }));
        out(
          `re-wrapped ${result.rewrapped} data key(s) from master key ${result.fromMasterKeyId} to ${result.toMasterKeyId}`,
        );
        out(`new master key id: ${result.toMasterKeyId}; start the api with this key (MASTER_KEY or MASTER_KEY_FILE)`);
        if (current.source === 'development')
          out('the development key file in the data folder still holds the old key: replace it or set MASTER_KEY');
      } finally {
        await vault.close();
      }
    });
}

function newMasterKey(file: string | undefined): MasterKey {
  const inline = process.env.NEW_MASTER_KEY;
  if (file && inline) throw new Error('give the new key either as NEW_MASTER_KEY or with --new-key-file, not both');
  if (file) return parseMasterKey(readFileSync(file, 'utf8'), 'MASTER_KEY_FILE');
  if (inline) return parseMasterKey(inline, 'MASTER_KEY');
  throw new Error('the new master key is missing: set NEW_MASTER_KEY or pass --new-key-file');
}
