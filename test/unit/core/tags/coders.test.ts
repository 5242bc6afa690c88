import { strict as assert } from 'node:assert';
import { gitUserName } from '../../../../src/core/tags/coders';

describe('coders: the git user name', () => {
  it('reads [user] name, quoted or not, the last one winning, comments and other sections left out', () => {
    assert.equal(gitUserName('[core]\n\tname = not this\n[user]\n\tname = Somchai Jaidee\n\temail = s@example.org\n'), 'Somchai Jaidee');
    assert.equal(gitUserName('[user]\n  name = "สมชาย \\"ใจดี\\"" # a comment\n'), 'สมชาย "ใจดี"');
    assert.equal(gitUserName('[user]\nname = First\n[user]\nname = Second ; note\n'), 'Second');
    assert.equal(gitUserName('[remote "origin"]\nname = x\n'), undefined);
    assert.equal(gitUserName('[user]\n\tname =\n'), undefined);
    assert.equal(gitUserName(''), undefined);
  });
});
