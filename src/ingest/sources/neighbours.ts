import type { Dataset } from '../../domain/dataset.ts';
import type { LaCode } from '../../domain/local-authority.ts';
import { parseLaCode } from '../../domain/local-authority.ts';
import type { Neighbour, NeighbourSet } from '../../domain/neighbours.ts';
import { parseClosenessBand } from '../../domain/neighbours.ts';
import { RowReader, resolveColumns } from '../columns.ts';
import type { ColumnSpec } from '../columns.ts';
import { loadCsv } from '../source.ts';
import type { SourceRead } from '../source.ts';

/**
 * DfE's Children's Services Statistical Neighbour Benchmarking groups as LAIT publishes them
 * (`statistical_neighbours_april_2021.csv`, `..._may_2025.csv`): one row per LA, then SN1, SNP, SN2, SNP, …, SN10, SNP
 * — the nth nearest neighbour's code and its closeness band. The band columns all share the header "SNP", so they
 * are read by position: each SNP is the band of the SN column before it.
 *
 * As published, each file also has LAs with no neighbours in that vintage (every cell "-": Cumberland and Westmorland
 * and Furness in 2021, before they existed) and, after a row reading "Old SNs:", the sets of LAs since abolished
 * (Dorset, Poole and Bournemouth before 2019, Northamptonshire; Cumbria in 2025). Both are read as such, not refused.
 */
export const NEIGHBOUR_COUNT = 10;

export function neighbourDataset(vintage: string): Dataset {
  return {
    id: `dfe-sn-${vintage}`,
    kind: 'real',
    title: `DfE children's services statistical neighbours (${vintage})`,
    source: 'DfE Children’s Services Statistical Neighbour Benchmarking Tool, via LAIT (dfe-analytical-services/local-authority-interactive-tool)',
    licence: 'Open Government Licence v3.0',
  };
}

export function readNeighbours(input: { path: string; display?: string; vintage: string; knownLas: ReadonlySet<string> }): SourceRead {
  const display = input.display ?? input.path;
  const loaded = loadCsv(input.path, display);
  if (!loaded.ok) return loaded;
  const { table, file } = loaded.value;
  const specs: Record<string, ColumnSpec> = { 'LA num': { required: true }, 'LA Name': { required: true } };
  for (let n = 1; n <= NEIGHBOUR_COUNT; n++) specs[`SN${n}`] = { required: true };
  // The SNP headers repeat; resolve the named columns only (duplicate SNP headers are expected, not a fault).
  const named = { ...table, header: table.header.map((h) => (h === 'SNP' ? '' : h)) };
  const cols = resolveColumns(named, specs);
  if (!cols.ok) return cols;
  const reader = new RowReader(table, cols.columns);
  const sets: NeighbourSet[] = [];
  const known = (v: string): LaCode | undefined => {
    const code = parseLaCode(v);
    return code !== undefined && input.knownLas.has(code) ? code : undefined;
  };
  const notes: string[] = [];
  for (const row of table.rows) {
    if (reader.text(row, 'LA num') === '' && /old sns/i.test(reader.text(row, 'LA Name'))) {
      notes.push(`line ${row.line} "${reader.text(row, 'LA Name')}" begins the neighbour sets of abolished LAs`);
      continue;
    }
    if (Array.from({ length: NEIGHBOUR_COUNT }, (_, n) => reader.text(row, `SN${n + 1}`)).every((v) => v === '-')) {
      notes.push(`${reader.text(row, 'LA Name')} (${reader.text(row, 'LA num')}) has no neighbours in this vintage ("-")`);
      continue;
    }
    const la = reader.required(row, 'LA num', known, 'the three-digit code of a known LA');
    const neighbours: Neighbour[] = [];
    for (let n = 1; n <= NEIGHBOUR_COUNT; n++) {
      const key = `SN${n}`;
      const code = reader.required(row, key, known, 'the three-digit code of a known LA');
      const bandIndex = cols.columns.index[key]! + 1;
      const bandRaw = (row.fields[bandIndex] ?? '').trim();
      const band = table.header[bandIndex] === 'SNP' ? (bandRaw === '' ? null : parseClosenessBand(bandRaw)) : null;
      if (band === undefined) {
        reader.rejections.push({ file: display, line: row.line, column: `${bandIndex + 1} (SNP)`, value: bandRaw, reason: 'expected a closeness band: Extremely Close, Very Close, Close, Somewhat close or Not Close' });
      }
      if (code !== undefined && band !== undefined) neighbours.push({ rank: n, code, band });
    }
    if (la !== undefined && neighbours.length === NEIGHBOUR_COUNT) {
      if (neighbours.some((n) => n.code === la)) reader.reject(row, 'LA num', la, 'an LA cannot be its own neighbour');
      else sets.push({ vintage: input.vintage, la, neighbours });
    }
  }
  if (reader.rejections.length > 0) return { ok: false, rejections: reader.rejections };
  return { ok: true, batch: { dataset: neighbourDataset(input.vintage), files: [file], neighbourSets: sets }, notes };
}
