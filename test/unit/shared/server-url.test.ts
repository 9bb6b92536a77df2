import { describe, expect, it } from 'vitest';
import { parseServerUrl, SyncLoginInput } from '../../../src-shared/sync';

describe('the newsroom server address as a reporter types it', () => {
  it('takes host:port, http and https, and gives one canonical form', () => {
    expect(parseServerUrl('newsroom.local:8787')).toBe('http://newsroom.local:8787');
    expect(parseServerUrl('  HTTP://Newsroom.Local:8787/ ')).toBe('http://newsroom.local:8787');
    expect(parseServerUrl('https://toasoan.baoquangninh.vn')).toBe('https://toasoan.baoquangninh.vn');
    expect(parseServerUrl('127.0.0.1:80')).toBe('http://127.0.0.1:80');
    expect(parseServerUrl('[::1]:8787')).toBe('http://[::1]:8787');
  });

  it('refuses credentials, paths, queries, other schemes and impossible ports', () => {
    for (const bad of ['http://admin:pw@host:8787', 'http://host:8787/api', 'http://host/?a=1', 'ftp://host', 'ws://host:8787', 'host:0', 'host:70000', '', 'http://', 'a b']) {
      expect(parseServerUrl(bad), bad).toBeNull();
    }
  });

  it('the login input carries the canonical address', () => {
    expect(SyncLoginInput.parse({ server: 'host:8787', user: 'lan', password: 'x' }).server).toBe('http://host:8787');
    expect(SyncLoginInput.safeParse({ server: 'http://host:8787/path', user: 'lan', password: 'x' }).success).toBe(false);
  });
});
