import { strict as assert } from 'node:assert';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { localFiles } from '../../../../src/extension/services/localFiles';

describe('localFiles', () => {
  it('writes bytes given in parts one after the other: small parts in chunks, large ones as they are', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'tpl-localfiles-'));
    try {
      const parts: Uint8Array[] = [];
      for (let i = 0; i < 3000; i++) parts.push(Uint8Array.from({ length: 1 + (i % 700) }, (_, j) => (i + j) & 0xff));
      parts.splice(1000, 0, new Uint8Array(3 << 20).fill(7), new Uint8Array(0));
      const file = path.join(dir, 'parts.bin');
      await localFiles!.write(file, parts);
      assert.deepEqual(new Uint8Array(fs.readFileSync(file)), new Uint8Array(Buffer.concat(parts)));
      await localFiles!.write(file, Uint8Array.of(1, 2, 3));
      assert.deepEqual([...fs.readFileSync(file)], [1, 2, 3]);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
