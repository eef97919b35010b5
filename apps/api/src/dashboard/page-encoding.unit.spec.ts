import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import type { DashboardFile } from './dashboard-files';
import { chooseEncoding, encodedBody } from './page-encoding';

const script: DashboardFile = {
  body: Buffer.from('const a = 1;\n'.repeat(200)),
  type: 'text/javascript',
  immutable: true,
};

describe('page encoding', () => {
  it('prefers Brotli, then gzip, and honours q=0', () => {
    expect(chooseEncoding(script, 'gzip, deflate, br, zstd')).toBe('br');
    expect(chooseEncoding(script, 'gzip;q=1.0, br;q=0')).toBe('gzip');
    expect(chooseEncoding(script, 'identity')).toBeUndefined();
    expect(chooseEncoding(script, undefined)).toBeUndefined();
  });

  it('leaves small files and images as they are', () => {
    expect(chooseEncoding({ ...script, body: Buffer.from('x') }, 'br')).toBeUndefined();
    expect(chooseEncoding({ ...script, type: 'image/png' }, 'br')).toBeUndefined();
  });

  it('compresses once and decodes to the same bytes', () => {
    const br = encodedBody(script, 'br');
    expect(encodedBody(script, 'br')).toBe(br);
    expect(br.length).toBeLessThan(script.body.length / 4);
    expect(brotliDecompressSync(br).equals(script.body)).toBe(true);
    expect(gunzipSync(encodedBody(script, 'gzip')).equals(script.body)).toBe(true);
  });
});
