import { strict as assert } from 'node:assert';
import { readSavedQueries, removeQuery, saveQuery } from '../../../src/features/savedQueries';

describe('features/savedQueries', () => {
  it('saves newest first, moves a repeated query to the front, and keeps at most max', () => {
    let saved: string[] = [];
    saved = saveQuery(saved, 'country:MM');
    saved = saveQuery(saved, ' theme:human-rights "ผู้ลี้ภัย" ');
    assert.deepEqual(saved, ['theme:human-rights "ผู้ลี้ภัย"', 'country:MM']);
    saved = saveQuery(saved, 'country:MM');
    assert.deepEqual(saved, ['country:MM', 'theme:human-rights "ผู้ลี้ภัย"']);
    assert.deepEqual(saveQuery(saved, 'date:2564', 2), ['date:2564', 'country:MM']);
    assert.deepEqual(saveQuery(saved, '   '), saved);
  });

  it('removes a query, trimmed as it was saved; an unknown one changes nothing', () => {
    const saved = ['country:MM', 'theme:human-rights "ผู้ลี้ภัย"'];
    assert.deepEqual(removeQuery(saved, ' country:MM '), ['theme:human-rights "ผู้ลี้ภัย"']);
    assert.deepEqual(removeQuery(saved, 'country:JP'), saved);
    assert.deepEqual(saved, ['country:MM', 'theme:human-rights "ผู้ลี้ภัย"'], 'the list given is not changed');
  });

  it('reads back strings only', () => {
    assert.deepEqual(readSavedQueries(['a', 3, '', null, 'b']), ['a', 'b']);
    assert.deepEqual(readSavedQueries(undefined), []);
    assert.deepEqual(readSavedQueries({ a: 1 }), []);
  });
});
