import { isPrivateAddress, webhookRegistrationRefusal, webhookUrlRefusal } from './webhook-target';

describe('webhook target rule', () => {
  it.each([
    ['http://127.0.0.1/hook', 'loopback'],
    ['http://0x7f000001/', 'hexadecimal loopback'],
    ['http://2130706433/', 'decimal loopback'],
    ['http://0177.0.0.1/', 'octal loopback'],
    ['http://127.1/', 'short loopback'],
    ['http://[::ffff:127.0.0.1]/', 'IPv4-mapped loopback'],
    ['http://[::1]:8080/', 'IPv6 loopback'],
    ['http://0.0.0.0/', 'unspecified'],
    ['http://[::]/', 'IPv6 unspecified'],
    ['http://169.254.169.254/latest/meta-data', 'link-local (cloud metadata)'],
    ['http://[fe80::1]/', 'IPv6 link-local'],
    ['http://10.1.2.3/', 'private 10/8'],
    ['http://172.20.0.1/', 'private 172.16/12'],
    ['https://192.168.1.1/', 'private 192.168/16'],
    ['http://[fd12:3456::1]/', 'unique local'],
    ['http://100.64.0.1/', 'carrier-grade NAT'],
  ])('refuses %s (%s) unless private targets are allowed', (url) => {
    expect(webhookRegistrationRefusal(url, false)).toMatch(
      /private, loopback or link-local.*WEBHOOK_ALLOW_PRIVATE_TARGETS/,
    );
    expect(webhookRegistrationRefusal(url, true)).toBeUndefined();
  });

  it('refuses localhost names at registration; at delivery their resolved address decides', () => {
    for (const url of ['http://localhost:3000/', 'http://api.LOCALHOST/', 'http://localhost./']) {
      expect(webhookRegistrationRefusal(url, false)).toMatch(/localhost/);
      expect(webhookUrlRefusal(url, false)).toBeUndefined();
    }
  });

  it('refuses credentials and other schemes even where private targets are allowed', () => {
    expect(webhookRegistrationRefusal('https://user:secret@hooks.example.org/', true)).toMatch(/user name or password/);
    expect(webhookRegistrationRefusal('https://token@hooks.example.org/', true)).toMatch(/user name or password/);
    expect(webhookRegistrationRefusal('ftp://hooks.example.org/', true)).toMatch(/http or https/);
    expect(webhookRegistrationRefusal('file:///etc/passwd', true)).toMatch(/http or https/);
    expect(webhookRegistrationRefusal('not a url', true)).toMatch(/absolute/);
  });

  it('accepts public addresses and names', () => {
    for (const url of [
      'https://hooks.example.org/ledger',
      'http://93.184.215.14:8080/',
      'https://[2606:4700::1111]/',
      'https://localhost-monitor.example.org/',
    ]) {
      expect(webhookRegistrationRefusal(url, false)).toBeUndefined();
    }
  });

  it('classifies resolved addresses, IPv4-mapped ones by their IPv4 address', () => {
    expect(
      ['127.0.0.1', '::1', '::ffff:7f00:1', '::ffff:10.0.0.1', '::127.0.0.1', '64:ff9b::a00:1', '192.168.0.10'].map(
        isPrivateAddress,
      ),
    ).toEqual([true, true, true, true, true, true, true]);
    expect(['8.8.8.8', '::ffff:8.8.8.8', '2a00:1450:4001::1', 'hooks.example.org'].map(isPrivateAddress)).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });
});
