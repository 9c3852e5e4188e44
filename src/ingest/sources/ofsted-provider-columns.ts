import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Rejection } from '../../domain/errors.ts';
import { spellingKey } from '../../domain/judgement.ts';
import type { Judgement } from '../../domain/judgement.ts';
import type { InspectionKind, Ownership, ProviderType } from '../../domain/provider.ts';
import { vocabulary } from '../../domain/vocabulary.ts';
import type { SourceFile } from '../../store/repository.ts';
import { foldName } from '../columns.ts';
import type { ColumnSpecs } from '../columns.ts';
import { CsvRows, parseCsv } from '../csv.ts';
import type { CsvTable } from '../csv.ts';
import { decodeFile, firstInvalidUtf8 } from '../decode.ts';
import type { Loaded } from '../source.ts';

/**
 * What varies between Ofsted's provider-level social care files (shared/data/README.md §6) and is read the same way in
 * all of them: where the header is, what each column is called in each year, and how judgements, provision types and
 * sectors are spelt. The reader (ofsted-providers.ts) uses these and nothing else file-specific.
 */

/**
 * The columns read, each under every name a release has used. 2015 says "Setting Name", "Inspection Date" and "The
 * safety of children and young people"; 2016-2018 "Name", "Inspection date", "Safeguarding children and young people";
 * 2019-2021 the social care common inspection framework's "Overall experiences and progress of children and young
 * people" and "How well children and young people are helped and protected"; 2022 prefixes each inspection column
 * with "Latest full inspection"; 2023-2025 drop the prefix again on the judgements (a 2025 cell begins with a line
 * break, which folding ignores). Columns not listed (addresses, places, web links, the 2024 file's "Previous full
 * inspection" group) are not read.
 */
export const SNAPSHOT_COLUMNS = {
  urn: { required: true, aliases: ['URN'] },
  provisionType: { required: true, aliases: ['Provision type'] },
  registrationStatus: { required: false, aliases: ['Registration status', 'Reg Status'] },
  name: { required: true, aliases: ['Name', 'Setting Name'] },
  localAuthority: { required: true, aliases: ['Local authority'] },
  sector: { required: true, aliases: ['Sector'] },
  eventType: { required: false, aliases: ['Event type', 'Inspection type', 'Latest full inspection event type'] },
  inspectionDate: { required: true, aliases: ['Inspection date', 'Latest full inspection date'] },
  overall: {
    required: true,
    aliases: ['Overall effectiveness', 'Overall experiences and progress of children and young people', 'Latest full inspection overall experiences and progress of children and young people'],
  },
  safety: {
    required: false,
    aliases: [
      'The safety of children and young people',
      'Safeguarding children and young people',
      'How well children and young people are helped and protected',
      'Latest full inspection how well children and young people are helped and protected',
    ],
  },
  leadership: { required: false, aliases: ['Leadership and management', 'The effectiveness of leaders and managers', 'Latest full inspection the effectiveness of leaders and managers'] },
  qualityOfCare: { required: false, aliases: ['Quality of care'] },
  supportedAccommodationOutcome: { required: false, aliases: ['Supported Accommodation outcome'] },
} as const satisfies ColumnSpecs;
export type SnapshotColumn = keyof typeof SNAPSHOT_COLUMNS;

/** The in-year file (every inspection of 2017-18) has the same columns, its event type always given. */
export const IN_YEAR_COLUMNS = {
  ...SNAPSHOT_COLUMNS,
  eventType: { required: true, aliases: ['Event type'] },
} as const satisfies ColumnSpecs;

/**
 * The sub-judgements kept, by the nearest name Kingsway has: the safety judgement (in each framework's words) as
 * staying safe, leadership and management, and 2015-2018's quality of care. "Outcomes for children and young people",
 * "Outcomes in education and related learning activities" and "Health services" have no counterpart and are not kept.
 */
export const SUB_COLUMNS = [
  ['safety', 'staying-safe'],
  ['leadership', 'leadership-and-management'],
  ['qualityOfCare', 'quality-of-care'],
] as const;

/**
 * Provision types as the files spell them (compared folded), and the kind of setting each is. A residential special
 * school that takes children for more than 295 days a year must register as a children's home (2015 says
 * "(>295 days/year)", later files "(registered as a children's home)"); it is still a residential special school, and
 * is read as one. Cafcass, the national court advisory service, appears once (2018) and is not a setting in an LA.
 */
const PROVISION_TYPES: ReadonlyMap<string, ProviderType | 'not-a-setting'> = new Map(
  (
    [
      ["children's home", 'childrens-home'],
      ["secure children's home", 'secure-childrens-home'],
      ['residential special school', 'residential-special-school'],
      ['residential special school (>295 days/year)', 'residential-special-school'],
      ["residential special school (registered as a children's home)", 'residential-special-school'],
      ['independent fostering agency', 'fostering-agency'],
      ['voluntary adoption agency', 'adoption-agency'],
      ['adoption support agency', 'adoption-support-agency'],
      ['residential family centre', 'residential-family-centre'],
      ['boarding school', 'boarding-school'],
      ['further education college with residential accommodation', 'fe-college-residential'],
      ['residential holiday scheme for disabled children', 'residential-holiday-scheme'],
      ['secure training centre', 'secure-training-centre'],
      ['supported accommodation', 'supported-accommodation'],
      ['cafcass', 'not-a-setting'],
    ] as const
  ).map(([spelling, type]) => [spellingKey(spelling), type]),
);

export const readProvisionType = (raw: string): ProviderType | 'not-a-setting' | undefined => PROVISION_TYPES.get(spellingKey(raw));
export const PROVISION_TYPE_NAMES = "children's home, secure children's home, residential special school, independent fostering agency, voluntary adoption agency, adoption support agency, residential family centre, boarding school, further education college with residential accommodation, residential holiday scheme for disabled children, secure training centre, supported accommodation";

/**
 * Sectors, in every capitalisation the files use: the LA's own settings; private and voluntary providers, which Block A
 * reads together as the settings an LA commissions rather than runs; academies (residential special schools, boarding
 * schools, colleges); health authorities and the one "Public sector" body as another public body.
 */
export const readSector = vocabulary<Ownership>([], {
  'local authority': 'la-run',
  private: 'private-voluntary',
  voluntary: 'private-voluntary',
  academy: 'academy',
  'health authority': 'other-public',
  'public sector': 'other-public',
});

/**
 * The judgement words of social care inspections, compared folded: the 2015 files' adequate (and a few satisfactory,
 * from earlier education-style reports), and from April 2015 requires improvement "to be good", spelt and cased
 * several ways. Exactly these: a bare "3" or "A" is not a word these files use, so it is refused rather than read.
 */
export const readJudgement = vocabulary<Judgement>([], {
  outstanding: 'outstanding',
  good: 'good',
  adequate: 'adequate',
  satisfactory: 'satisfactory',
  'requires improvement': 'requires-improvement',
  'requires improvement to be good': 'requires-improvement',
  inadequate: 'inadequate',
});
export const JUDGEMENT_WORDS = 'outstanding, good, requires improvement (to be good), adequate, satisfactory or inadequate';

/**
 * What an interim inspection of a children's home records in place of a judgement (Ofsted's interim inspections of
 * 2015-2020 judged progress since the last full inspection, not effectiveness): kept as an inspection with no overall
 * judgement.
 */
export const INTERIM_OUTCOMES: ReadonlySet<string> = new Set(['improved effectiveness', 'sustained effectiveness', 'declined in effectiveness', 'not judged'].map(spellingKey));

export const readEventType = vocabulary<InspectionKind>([], {
  'full inspection': 'full',
  'interim inspection': 'interim',
  'monitoring inspection': 'monitoring',
});

/**
 * Supported accommodation (registered from April 2023, first inspected in 2024-25) is judged on its own three-point
 * scale, in its own column; it is not one of the four judgements of the other settings and is not read as one.
 */
export const SUPPORTED_ACCOMMODATION_OUTCOMES: ReadonlySet<string> = new Set(
  ['consistently strong service delivery', 'inconsistent quality of service delivery', 'serious or widespread weaknesses'].map(spellingKey),
);

/** Where a file's table begins, and what came before it. */
export interface ProviderTable {
  readonly file: SourceFile;
  readonly table: CsvTable;
  /** The 1-based line the header is on (1 in 2015, 2 under a group-header line, 4 or 5 under a title and notes). */
  readonly headerLine: number;
  /** The lines above the header as text (decoded leniently: see loadProviderTable), for the title's year. */
  readonly preamble: string;
  /** Where the lines above the header are not valid UTF-8: line, column and the byte, for the notes. */
  readonly preambleFault: { readonly line: number; readonly byte: string } | null;
  /** Lone windows-1252 bytes in an otherwise ASCII table, each read as its windows-1252 character (see tableText). */
  readonly recoded: readonly { readonly line: number; readonly column: number; readonly byte: string; readonly char: string }[];
}

/** How far down a file the header may be: the 2022 file's is on line 5, under a title, two notes and a blank line. */
const HEADER_SEARCH_LINES = 12;

/**
 * The byte offset and line of the header: the first line with a cell "URN". Found on the bytes, before any decoding,
 * so that a fault in a title above it cannot stop the table being found. Every release has "URN" as a cell of the
 * header's first physical line (a header cell broken over lines comes later in the row), and no title, note or
 * group-header line has it.
 */
export function findHeader(bytes: Uint8Array): { readonly offset: number; readonly line: number } | null {
  let start = 0;
  for (let line = 1; line <= HEADER_SEARCH_LINES && start < bytes.length; line++) {
    let end = bytes.indexOf(0x0a, start);
    if (end === -1) end = bytes.length;
    // Latin-1 is a byte-for-byte reading: enough to see ASCII cells, whatever else the line holds.
    const text = Buffer.from(bytes.buffer, bytes.byteOffset + start, end - start).toString('latin1');
    if (text.split(',').some((cell) => foldName(cell.replace(/^\ufeff|^\u00ef\u00bb\u00bf/, '').replace(/"/g, '')) === 'urn')) return { offset: start, line };
    start = end + 1;
  }
  return null;
}

/**
 * Reads one of Ofsted's provider files: finds the header on the bytes, then decodes and parses the table from there.
 * The table (the header and every row) must be valid UTF-8, as every other published file must; the lines above it
 * are a title and notes that Kingsway does not read as data, decoded leniently (an invalid byte becomes U+FFFD) and
 * reported. Why: provider_at_march_2024.csv's title has a lone byte 0xD0 where an en dash was meant (the rest of the
 * file is ASCII), and a strict decode of the whole file would refuse 3,876 good rows for one byte of a title, while a
 * lenient decode of the whole file could let a mis-encoded provider or LA name through unseen.
 */
export function loadProviderTable(path: string, display: string): Loaded<ProviderTable> {
  let bytes: Buffer;
  try {
    bytes = readFileSync(path);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    return { ok: false, rejections: [{ file: display, line: null, column: null, value: path, reason: code === 'ENOENT' ? 'no such file: this year of the provider data is missing' : `cannot read the file (${code ?? (error as Error).message})` }] };
  }
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const header = findHeader(bytes);
  if (header === null) {
    return {
      ok: false,
      rejections: [{ file: display, line: null, column: null, value: bytes.subarray(0, 80).toString('latin1'), reason: `no header row: none of the first ${HEADER_SEARCH_LINES} lines has a "URN" column; is this one of Ofsted's provider-level files?` }],
    };
  }
  const before = header.line - 1;
  const shift = (r: Rejection): Rejection => (r.line === null ? r : { ...r, line: r.line + before });
  const head = bytes.subarray(0, header.offset);
  const bad = firstInvalidUtf8(head);
  let preambleFault: ProviderTable['preambleFault'] = null;
  if (bad >= 0) {
    let line = 1;
    for (let i = 0; i < bad; i++) if (head[i] === 0x0a) line++;
    preambleFault = { line, byte: head[bad]!.toString(16).toUpperCase().padStart(2, '0') };
  }
  const preamble = new TextDecoder('utf-8').decode(head);
  const body = tableText(display, bytes.subarray(header.offset));
  if (!body.ok) return { ok: false, rejections: [shift(body.rejection)] };
  const parsed = parseCsv(display, body.text);
  if (!parsed.ok) return { ok: false, rejections: parsed.rejections.map(shift) };
  // Lines as an editor shows them in the whole file, not counted from the header.
  const rows = parsed.table.rows;
  const table: CsvTable = {
    file: display,
    header: parsed.table.header,
    rows: before === 0 ? rows : new CsvRows({ length: rows.length, fieldsAt: (i) => rows.at(i)!.fields, lineAt: (i) => rows.at(i)!.line + before }),
  };
  const recoded = body.recoded.map((x) => ({ ...x, line: x.line + before }));
  return { ok: true, value: { file: { path: display, sha256, rows: rows.length }, table, headerLine: header.line, preamble, preambleFault, recoded } };
}

/** Bytes windows-1252 leaves undefined (TextDecoder would give C1 controls): no text has them. */
const UNDEFINED_1252 = new Set([0x81, 0x8d, 0x8f, 0x90, 0x9d]);

/**
 * The table's text. UTF-8 as every published file should be; except that a table which is ASCII apart from lone
 * bytes that start no UTF-8 sequence is read as windows-1252, each such byte reported. provider_at_march_2022.csv
 * has two: byte 0x96, windows-1252's en dash, in "Regional Foster Families – West Midlands" and "– East Midlands"
 * (Excel's doing). Such a file has one reading; a table with both valid UTF-8 sequences and stray bytes has two, and
 * is refused, as is any other fault decodeFile finds.
 */
function tableText(display: string, bytes: Uint8Array): { ok: true; text: string; recoded: { line: number; column: number; byte: string; char: string }[] } | { ok: false; rejection: Rejection } {
  const strict = decodeFile(display, bytes);
  if (strict.ok) return { ok: true, text: strict.text, recoded: [] };
  const recoded: { line: number; column: number; byte: string; char: string }[] = [];
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < bytes.length; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) {
      line++;
      lineStart = i + 1;
    } else if (b >= 0x80) {
      // A byte that could start a UTF-8 sequence followed by a continuation byte: the file mixes encodings.
      const next = bytes[i + 1];
      if ((b >= 0xc2 && b <= 0xf4 && next !== undefined && (next & 0xc0) === 0x80) || UNDEFINED_1252.has(b)) return strict;
      recoded.push({ line, column: i - lineStart + 1, byte: b.toString(16).toUpperCase(), char: new TextDecoder('windows-1252').decode(bytes.subarray(i, i + 1)) });
    }
  }
  const text = new TextDecoder('windows-1252').decode(bytes);
  return { ok: true, text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, recoded };
}

/** The year a file's title says it is "as at" (2022 on: "Provider level as at 31 March 2024"), if it says. */
export function titleYear(preamble: string): number | null {
  const match = /as at (?:\d{1,2} )?March (\d{4})/i.exec(preamble);
  return match ? Number(match[1]) : null;
}
