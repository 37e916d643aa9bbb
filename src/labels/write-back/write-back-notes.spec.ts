import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { appendNote, noteIsPresent, voidNote, voidNoteKey } from './write-back-notes';

describe('appendNote (append, never clobber, never twice)', () => {
  it('appends on a new line, or starts the field', () => {
    assert.equal(appendNote('Leave at the side door.', 'Signature required'), 'Leave at the side door.\nSignature required');
    assert.equal(appendNote('', 'Signature required'), 'Signature required');
    assert.equal(appendNote(null, ' Signature required '), 'Signature required');
  });

  it('does nothing when the note is empty or already there', () => {
    assert.equal(appendNote('a\nSignature required', 'Signature required'), undefined);
    assert.equal(appendNote('a', '  '), undefined);
    assert.equal(appendNote('a', null), undefined);
  });

  it('cuts the note to fit 1024 characters and still recognises it afterwards', () => {
    const current = 'x'.repeat(950);
    const note = `Deliver to reception. ${'y'.repeat(100)}`;
    const next = appendNote(current, note)!;
    assert.equal(next.length, 1024);
    assert.ok(next.endsWith('…'));
    assert.ok(noteIsPresent(next, note));
    assert.equal(appendNote(next, note), undefined);
  });

  it('gives up when not even the beginning of the note fits', () => {
    assert.equal(appendNote('x'.repeat(1020), 'A note that is longer than the room left'), undefined);
  });
});

describe('voidNote', () => {
  it('is dated, and its key does not contain the date', () => {
    assert.equal(voidNote('1Z999', '2026-03-04'), 'Label 1Z999 voided on 2026-03-04 in ShipStation');
    assert.ok(voidNote('1Z999', '2026-03-04').startsWith(voidNoteKey('1Z999')));
    assert.ok(!voidNoteKey('1Z999').includes('2026'));
  });
});
