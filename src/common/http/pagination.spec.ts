import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DomainError } from '../errors/domain-error';
import { decodeCursor, encodeCursor, toPage } from './pagination';

describe('cursor pagination', () => {
  const row = (i: number) => ({ createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, i)), id: `00000000-0000-4000-8000-00000000000${i}` });

  it('round-trips a position', () => {
    assert.deepEqual(decodeCursor(encodeCursor(row(3))), row(3));
  });

  it('refuses a cursor it did not make with a field error', () => {
    for (const bad of ['x', Buffer.from('[1,2]').toString('base64url'), Buffer.from('["2026-01-01", "not-a-uuid"]').toString('base64url')]) {
      assert.throws(() => decodeCursor(bad), (e: unknown) => e instanceof DomainError && e.status === 400 && e.extra.errors?.[0].field === 'cursor');
    }
  });

  it('returns a next cursor only when a row beyond the page exists', () => {
    const full = toPage([row(1), row(2), row(3)], 2, (r) => r.id);
    assert.deepEqual(full.data, [row(1).id, row(2).id]);
    assert.deepEqual(decodeCursor(full.nextCursor!), row(2));
    assert.equal(toPage([row(1)], 2, (r) => r.id).nextCursor, null);
  });
});
