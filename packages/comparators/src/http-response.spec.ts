import { describe, expect, it } from 'vitest';
import { deepEqual } from './deep-equal.js';
import { httpResponse } from './http-response.js';

describe(httpResponse.name, () => {
  it('matches equal status, chosen headers and JSON body, whatever other headers say', () => {
    const compare = httpResponse({ headers: ['Content-Type'] });
    const legacy = { status: 200, headers: { 'content-type': 'application/json', date: 'Mon' }, body: '{"a":1,"b":2}' };
    const candidate = { status: 200, headers: new Headers({ 'Content-Type': 'application/json', date: 'Tue' }), body: { b: 2, a: 1 } };
    expect(compare(legacy, candidate)).toEqual({ match: true, differences: [] });
  });

  it('reports status, header and body differences at their paths', () => {
    const compare = httpResponse({ headers: ['content-type', 'cache-control'] });
    const result = compare(
      { status: 200, headers: { 'content-type': 'application/json', 'cache-control': 'no-store' }, body: { a: 1 } },
      { status: 500, headers: { 'content-type': 'text/plain' }, body: { a: 2 } },
    );
    expect(result.differences.map((d) => d.path)).toEqual([
      '$.status',
      '$.headers["content-type"]',
      '$.headers["cache-control"]',
      '$.body.a',
    ]);
  });

  it('takes a body comparator and compares non-JSON bodies as text', () => {
    const compare = httpResponse({ body: deepEqual({ ignore: ['$.requestId'] }) });
    expect(compare({ status: 200, body: { requestId: 1, ok: true } }, { status: 200, body: { requestId: 2, ok: true } }).match).toBe(true);
    expect(compare({ status: 200, body: 'plain' }, { status: 200, body: 'other' }).differences[0]?.path).toBe('$.body');
  });
});
