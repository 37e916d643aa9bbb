import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { flattenValidationErrors } from './validation-pipe';

describe('flattenValidationErrors', () => {
  it('gives dotted field paths and readable messages', () => {
    const errors = flattenValidationErrors([
      { property: 'dear', children: [{ property: 'accountId', constraints: { isString: 'accountId must be a string' }, children: [] }] },
      { property: 'extra', constraints: { whitelistValidation: 'property extra should not exist' }, children: [] },
    ]);
    assert.deepEqual(errors, [
      { field: 'dear.accountId', message: 'must be a string' },
      { field: 'extra', message: 'is not a known field' },
    ]);
  });
});
