import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, extname, resolve } from 'node:path';
import { NotFoundError, UsageError } from '../../domain/errors.ts';
import type { Actor } from '../../domain/roles.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import { profilePack } from '../../web/profile-pack/profile-pack.ts';
import { openPdfPrinter } from '../../render/pdf.ts';
import type { PdfPrinter } from '../../render/pdf.ts';
import type { Store } from '../../store/repository.ts';
import { SiteData } from '../../web/site-data.ts';
import { siteReader } from '../../web/viewer.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

/**
 * `kingsway profile-pack`: an LA's performance profile for a year as the printable pack the site serves at
 * /{year}/la/{code}/profile.pdf (src/web/profile-pack/profile-pack.ts), as Ofsted's staff see it: every outcome as it stands,
 * published or not, which is what an analyst at the command line sees. A PDF (printed by Chromium) or, for a file
 * ending .html, the HTML it is printed from.
 */
export interface ProfilePackOptions {
  readonly la?: string;
  readonly name?: string;
  readonly year: number;
  readonly out: string;
  /** The day printed on the pack (YYYY-MM-DD): the shell's clock, never the core's. */
  readonly printedOn: string;
  /** The LA's grade in every other year too (every year is then assessed first: slower). */
  readonly history?: boolean;
  readonly letter?: LetterSettings;
  /** A printer already open (tests); otherwise Chromium is opened for this pack and closed after it. */
  readonly printer?: PdfPrinter;
}

/** Who the command line reads as: a member of Ofsted's staff (the embargo's widest view), named as the command line. */
const COMMAND_LINE_STAFF: Actor = { kind: 'user', id: 0, name: 'command line', role: 'analyst', la: null };

export async function runProfilePack(store: Store, options: ProfilePackOptions, io: Io): Promise<{ path: string; bytes: number }> {
  const format = extname(options.out).toLowerCase();
  if (format !== '.pdf' && format !== '.html') throw new UsageError(`--out ${JSON.stringify(options.out)} must name a .pdf file (or .html, for the page it is printed from)`);
  const la = findLa(await store.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const data = new SiteData(store, options.letter);
  if (!data.isYear(options.year)) throw new UsageError(`there is no assessment year ${options.year}: Kingsway has ${[...data.years].reverse().join(', ')}`);
  const reader = siteReader(data, COMMAND_LINE_STAFF, await data.processes(), data.processVersion);
  const view = await reader.year(options.year);
  const a = view.byCode.get(la.code);
  if (!a) throw new NotFoundError(`${la.name} (${la.code}) is not among the LAs of ${options.year}: it did not exist on 1 April ${options.year}, or has no evidence that year`);
  const html = await profilePack(reader, view, a, { printedOn: options.printedOn, history: options.history === true });
  const path = resolve(options.out);
  mkdirSync(dirname(path), { recursive: true });
  let bytes: Buffer | string = html;
  if (format === '.pdf') {
    const printer = options.printer ?? (await openPdfPrinter());
    try {
      bytes = await printer.print(html);
    } finally {
      if (!options.printer) await printer.close();
    }
  }
  writeFileSync(path, bytes);
  const size = typeof bytes === 'string' ? Buffer.byteLength(bytes) : bytes.length;
  io.out(`wrote ${path} (${la.name}, ${options.year}: ${Math.max(1, Math.round(size / 1024)).toLocaleString('en-GB')} KB)`);
  return { path, bytes: size };
}
