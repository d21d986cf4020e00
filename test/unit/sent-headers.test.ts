import { describe, expect, it } from 'vitest';
import { sentHeadersFromLines } from '../../src/sent-headers.js';

/** What a Fetch `Headers` holding the same lines answers: the reading the one pass must agree with. */
function asFetchReadsThem(lines: string[]) {
  const headers = new Headers();
  for (let at = 0; at < lines.length; at += 2) headers.append(lines[at]!, lines[at + 1]!);
  const get = (name: string) => headers.get(name) ?? undefined;
  return {
    origin: get('Origin'),
    authorization: get('Authorization'),
    retryCount: get('X-Okta-Retry-Count'),
    retryFor: get('X-Okta-Retry-For'),
    contentType: get('Content-Type'),
    contentLength: get('Content-Length'),
  };
}

const cases: Array<[string, string[]]> = [
  ['no lines', []],
  ['the usual API call', ['Host', '127.0.0.1:8787', 'Authorization', 'SSWS 00abc', 'Accept', 'application/json']],
  ['names in any case', ['oRiGiN', 'http://localhost:3000', 'AUTHORIZATION', 'SSWS t', 'x-OKTA-retry-COUNT', '1', 'X-Okta-Retry-For', 'abc']],
  ['a repeated Origin, joined with ", "', ['Origin', 'http://a.example', 'Origin', 'http://b.example']],
  ['a repeated Authorization, joined too (node keeps only the first in `headers`)', ['Authorization', 'SSWS one', 'Authorization', 'SSWS two']],
  ['HTTP whitespace at the ends is not part of the value', ['Origin', ' http://a.example\t', 'Authorization', '\tSSWS t ']],
  ['an empty value is a value', ['Origin', '']],
  ['a body\'s media type and length', ['content-TYPE', 'application/json; charset=utf-8', 'Content-Length', '42']],
  ['names of the same length that are none of these', ['Accept', 'x', 'Pragma', 'y', 'If-None-Match', 'z', 'Content-Range', 'bytes 0-1/2', 'Accept-Charset', 'utf-8']],
];

describe('sentHeadersFromLines: one pass over node\'s raw lines reads what a Fetch Headers reads', () => {
  it.each(cases)('%s', (_, lines) => {
    const { cookie, ...read } = sentHeadersFromLines(lines)!;
    expect(read).toEqual(asFetchReadsThem(lines));
    expect(cookie).toBeUndefined();
  });

  it('joins repeated Cookie lines with "; ", as node joins them, so a sid in the second line still counts', () => {
    expect(sentHeadersFromLines(['Cookie', 'a=1', 'cookie', 'sid=102abc'])?.cookie).toBe('a=1; sid=102abc');
  });

  it('gives up on a value a Fetch Headers refuses (NUL, CR, LF), so the request\'s own headers decide', () => {
    expect(sentHeadersFromLines(['Origin', 'http://a.example\0'])).toBeUndefined();
    expect(sentHeadersFromLines(['Authorization', 'SSWS a\r\nX: y'])).toBeUndefined();
  });
});
