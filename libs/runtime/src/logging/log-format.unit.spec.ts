import { loadConfig } from '../config/app-config';
import { chooseLogFormat, logFormatSetting } from './log-format';
import { prettyMessage } from './pretty-format';

describe('log format', () => {
  it('is readable on a terminal and JSON for a pipe, a file or a container runtime', () => {
    expect(chooseLogFormat(undefined, true)).toBe('pretty');
    expect(chooseLogFormat(undefined, false)).toBe('json');
  });

  it('follows LOG_FORMAT whatever stdout is', () => {
    for (const tty of [true, false]) {
      expect(chooseLogFormat('json', tty)).toBe('json');
      expect(chooseLogFormat('pretty', tty)).toBe('pretty');
    }
  });

  it('reads LOG_FORMAT case-insensitively, blank as unset, and refuses anything else naming the variable', () => {
    expect(logFormatSetting(undefined)).toBeUndefined();
    expect(logFormatSetting(' ')).toBeUndefined();
    expect(logFormatSetting('JSON')).toBe('json');
    expect(logFormatSetting(' pretty ')).toBe('pretty');
    expect(() => loadConfig({ LOG_FORMAT: 'text' })).toThrow('LOG_FORMAT: must be json or pretty, got "text"');
    expect(loadConfig({ LOG_FORMAT: 'json' }).logFormat).toBe('json');
    expect(loadConfig({}).logFormat).toBeUndefined();
  });
});

describe('pretty log line', () => {
  it('leads with the context', () => {
    expect(prettyMessage({ context: 'Bootstrap', msg: 'listening on http://127.0.0.1:3000' }, 'msg')).toBe(
      '[Bootstrap] listening on http://127.0.0.1:3000',
    );
    expect(prettyMessage({ msg: 'plain' }, 'msg')).toBe('plain');
  });

  it('sums a request up from what the serializers kept: method, path, status, time', () => {
    const log = {
      msg: 'request completed',
      req: { id: 'req-1', method: 'GET', path: '/subjects' },
      res: { statusCode: 200 },
      responseTimeMs: 3,
    };
    expect(prettyMessage(log, 'msg')).toBe('request completed: GET /subjects 200 3 ms');
  });
});
