import t from 'tap';
import { Value } from '@sinclair/typebox/value';
import { BigId, Id, MAX_ID, PageCursorSchema, decodePageCursor, encodePageCursor } from '../src/index.js';

const check = (schema: Parameters<typeof Value.Check>[0]) => (value: unknown) => Value.Check(schema, value);

t.test('an id is an integer from 1 to 2³¹−1; a bigint-keyed id goes up to 2⁵³−1', async (t) => {
  const id = check(Id());
  for (const good of [1, 42, MAX_ID]) t.ok(id(good), String(good));
  for (const bad of [0, -1, 1.5, MAX_ID + 1, 1e20, '12']) t.notOk(id(bad), String(bad));
  const bigId = check(BigId());
  t.ok(bigId(MAX_ID + 1));
  t.notOk(bigId(1e20));
});

t.test('a page cursor reads back what was written, with or without a rank', async (t) => {
  const at = new Date('2026-03-02T08:00:00.000Z');
  const plain = encodePageCursor({ at, id: 314 });
  t.equal(plain, `${at.getTime()}.314`);
  t.same(decodePageCursor(plain), { at, id: 314 });
  const ranked = encodePageCursor({ rank: 1, at, id: 7 });
  t.same(decodePageCursor(ranked, { ranked: true }), { rank: 1, at, id: 7 });
  t.equal(decodePageCursor(undefined), undefined, 'no cursor: the first page');
});

t.test('a malformed cursor is refused by its schema, and one naming an impossible row by a coded 400', async (t) => {
  const plain = check(PageCursorSchema());
  const ranked = check(PageCursorSchema({ ranked: true }));
  for (const bad of ['1', '1.1.1', '1.8640000000000001.1', '999999999999999.999999999999999999', '-1.1', 'abc', '1e3.1', `${'9'.repeat(16)}.1`]) {
    t.notOk(plain(bad), `${bad} is not a cursor`);
  }
  t.ok(plain('1700000000000.12'));
  t.ok(ranked('0.1700000000000.12'));
  t.notOk(ranked('1700000000000.12'), 'a ranked list wants its rank');
  t.throws(() => decodePageCursor('1700000000000.2147483648', { maxId: MAX_ID }), { code: 'PREAU_ERR_CURSOR', statusCode: 400 });
  t.throws(() => decodePageCursor('1700000000000.0'), { code: 'PREAU_ERR_CURSOR' });
  t.throws(() => decodePageCursor('1.2.3'), { code: 'PREAU_ERR_CURSOR' }, 'the wrong number of parts');
});
