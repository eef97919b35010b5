'use strict';
/*
 * `npm run bench [-- --scale=1m --runs=5 --only=append,read,http]`: installs the bench package
 * (peers and load generator, kept out of the main install) when it is missing, then runs the
 * TypeScript benchmark through the same swc require hook the tests' child processes use.
 */
const { spawnSync } = require('node:child_process');
const { existsSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
if (!existsSync(join(__dirname, 'node_modules'))) {
  const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
  const install = spawnSync(npm, ['ci', '--prefix', 'bench'], { cwd: root, stdio: 'inherit' });
  if (install.status !== 0) process.exit(install.status ?? 2);
}
const register = join(root, 'test', 'fixtures', 'swc-register.js');
const main = join(__dirname, 'src', 'main.ts');
const run = spawnSync(process.execPath, ['--expose-gc', '-r', register, main, ...process.argv.slice(2)], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(run.status ?? 2);
