import { describe, expect, it } from 'vitest';
import { normalisePageKey } from '../../shared/page-key.ts';

describe('normalisePageKey', () => {
  it('treats trailing slashes as the same page, but keeps the root', () => {
    expect(normalisePageKey('https://blog.example.com/2017/03/post/')).toBe('https://blog.example.com/2017/03/post');
    expect(normalisePageKey('https://blog.example.com/2017/03/post//')).toBe('https://blog.example.com/2017/03/post');
    expect(normalisePageKey('https://blog.example.com/')).toBe('https://blog.example.com/');
    expect(normalisePageKey('https://blog.example.com')).toBe('https://blog.example.com/');
  });

  it('drops default ports and keeps others', () => {
    expect(normalisePageKey('https://blog.example.com:443/a')).toBe('https://blog.example.com/a');
    expect(normalisePageKey('http://blog.example.com:80/a')).toBe('http://blog.example.com/a');
    expect(normalisePageKey('http://blog.example.com:8080/a')).toBe('http://blog.example.com:8080/a');
  });

  it('lower-cases scheme and host but not the path', () => {
    expect(normalisePageKey('HTTPS://Blog.Example.COM/About/Me')).toBe('https://blog.example.com/About/Me');
  });

  it('drops the hash', () => {
    expect(normalisePageKey('https://blog.example.com/post#comment-12')).toBe('https://blog.example.com/post');
  });

  it('keeps the query that identifies a page and drops tracking parameters', () => {
    expect(normalisePageKey('https://blog.example.com/?p=123')).toBe('https://blog.example.com/?p=123');
    expect(normalisePageKey('https://blog.example.com/?p=123&utm_source=x&UTM_Medium=y&fbclid=abc')).toBe(
      'https://blog.example.com/?p=123',
    );
    expect(normalisePageKey('https://blog.example.com/post?utm_campaign=z')).toBe('https://blog.example.com/post');
    expect(normalisePageKey('https://blog.example.com/?p=1')).not.toBe(normalisePageKey('https://blog.example.com/?p=2'));
  });

  it('drops the tracking parameters of ads, search and mail tools, and orders the rest', () => {
    expect(normalisePageKey('https://b.example/p?srsltid=1&gbraid=2&gad_source=3&ttclid=4&_hsenc=5&mkt_tok=6&b=2&a=1')).toBe(
      'https://b.example/p?a=1&b=2',
    );
    expect(normalisePageKey('https://b.example/?b=2&a=1')).toBe(normalisePageKey('https://b.example/?a=1&b=2'));
  });

  it('leaves page ids alone apart from surrounding space', () => {
    expect(normalisePageKey('  post-42 ')).toBe('post-42');
    expect(normalisePageKey('Post/42/')).toBe('Post/42/');
  });

  it('is idempotent, so the server applying it again changes nothing', () => {
    for (const key of ['https://A.com:443/x/?utm_x=1&q=2#h', 'post-1', 'http://a.com/']) {
      expect(normalisePageKey(normalisePageKey(key))).toBe(normalisePageKey(key));
    }
  });
});
