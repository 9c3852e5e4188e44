import assert from 'node:assert/strict';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { NotFoundError, UsageError } from '../../domain/errors.ts';
import type { Store } from '../../store/repository.ts';
import { webFixtureStore } from '../../../test/support/web.ts';
import type { Io } from '../io.ts';
import { runProfilePack } from './profile-pack.ts';

/** `kingsway profile-pack` over the web tests' store (Stockport 2011, a synthetic dataset), as Ofsted's staff see it. */
const CHROMIUM = existsSync(process.env['KINGSWAY_CHROMIUM'] ?? '/usr/bin/chromium');

describe('kingsway profile-pack', () => {
  let store: Store;
  let dir: string;
  const said: string[] = [];
  const io: Io = { out: (t) => void said.push(t), err: () => undefined, progress: () => undefined, endProgress: () => undefined };
  before(async () => {
    store = await webFixtureStore({ published: false });
    dir = mkdtempSync(join(tmpdir(), 'kingsway-pack-cli-'));
  });
  after(async () => {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it("writes the staff view's pack as HTML for a .html file: the grade, though nothing is published", async () => {
    const { path } = await runProfilePack(store, { la: '356', year: 2011, out: join(dir, 'sub', 'pack.html'), printedOn: '2026-02-03' }, io);
    const html = readFileSync(path, 'utf8');
    assert.match(html, /Ofsted staff view/);
    assert.match(html, /id="grade"/);
    assert.match(html, /Printed 3 February 2026|<dd>3 February 2026<\/dd>/);
    assert.match(said.at(-1)!, /^wrote .*pack\.html \(Stockport, 2011: \d+ KB\)$/);
  });

  it('refuses another kind of file, a year Kingsway does not have, and an LA not stored', async () => {
    await assert.rejects(runProfilePack(store, { la: '356', year: 2011, out: join(dir, 'pack.docx'), printedOn: '2026-02-03' }, io), (e: unknown) => e instanceof UsageError && /must name a \.pdf file/.test(e.message));
    await assert.rejects(runProfilePack(store, { la: '356', year: 2008, out: join(dir, 'pack.pdf'), printedOn: '2026-02-03' }, io), (e: unknown) => e instanceof UsageError && /no assessment year 2008/.test(e.message));
    await assert.rejects(runProfilePack(store, { la: '999', year: 2011, out: join(dir, 'pack.pdf'), printedOn: '2026-02-03' }, io), (e: unknown) => e instanceof NotFoundError);
    await assert.rejects(runProfilePack(store, { la: 'x', year: 2011, out: join(dir, 'pack.pdf'), printedOn: '2026-02-03' }, io), (e: unknown) => e instanceof UsageError);
  });

  it('prints a PDF in Chromium', { skip: !CHROMIUM && 'no Chromium' }, async () => {
    const { path, bytes } = await runProfilePack(store, { name: 'Stockport', year: 2011, out: join(dir, 'pack.pdf'), printedOn: '2026-02-03' }, io);
    const pdf = readFileSync(path);
    assert.equal(pdf.subarray(0, 5).toString(), '%PDF-');
    assert.equal(pdf.length, bytes);
  });
});
