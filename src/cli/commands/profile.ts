import { DATA_SYMBOL_MEANING } from '../../domain/data-symbol.ts';
import { JUDGEMENT_LABEL } from '../../domain/judgement.ts';
import { LA_INSPECTION_LABEL } from '../../domain/la-inspection.ts';
import { frameworkWith } from '../framework-options.ts';
import type { FrameworkSettings } from '../../frameworks/settings.ts';
import type { BlockCRow, Comparison, Figure } from '../../profile/block-c.ts';
import { changeWords } from '../../profile/block-b.ts';
import type { OutcomeShares } from '../../profile/block-a.ts';
import { buildProfile } from '../../profile/profile.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { loadProfileRun, loadProvenance } from '../../application/load-evidence.ts';
import { NO_PROVENANCE, provenanceColumns, provenanceJson, syntheticIds } from '../../judgement/provenance.ts';
import type { Provenance } from '../../judgement/provenance.ts';
import { toCsv } from '../../render/csv.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';
import { findLa } from './show-la.ts';

const pct = (share: number | null | undefined): string => (share === null || share === undefined ? '-' : `${Math.round(share * 100)}%`);
const num = (figure: Figure): string => (figure.kind === 'number' ? String(figure.value) : figure.kind === 'symbol' ? `${figure.symbol} (${DATA_SYMBOL_MEANING[figure.symbol]})` : '-');
const vs = (c: Comparison | null): string => (c === null ? '-' : `${c.verdict ?? c.relation}${c.relation === 'in-line' && c.position !== 'equal' ? ` (just ${c.position})` : ''}`);
const comparatorText = (c: Comparison | null): string => (c === null ? '-' : `${Math.round(c.comparator * 10) / 10}${c.source === 'supplied-comparator' ? ' (supplied)' : ''}`);
const goodOrBetter = (s: OutcomeShares | undefined) => pct(s?.goodOrBetter);

/**
 * One flat table of the profile, shared by the CSV output (and, later, the web page's download). Each row ends with
 * whether synthetic data lies behind it and which datasets: Block A's rows those of Block A, each indicator its own.
 */
export function profileRows(p: LaProfile, provenance: Provenance = NO_PROVENANCE): Record<string, string | number | boolean | null>[] {
  const a = p.blockA.map((r) => ({
    block: 'A',
    id: r.group.id,
    label: r.group.label,
    period: r.asAt,
    la_inspected: r.la.tally.inspected,
    la_outstanding: r.la.shares.outstanding,
    la_good_or_better: r.la.shares.goodOrBetter,
    la_satisfactory: r.la.shares.satisfactory,
    la_inadequate: r.la.shares.inadequate,
    la_basis: r.la.basis,
    similar_areas: r.similarAreas?.shares.goodOrBetter ?? null,
    similar_areas_basis: r.similarAreas?.basis ?? null,
    england: r.england?.shares.goodOrBetter ?? null,
    england_basis: r.england?.basis ?? null,
    change_since_last_year_points: r.goodOrBetterChange,
    vs_similar_areas: null,
    vs_england: null,
    rank: null,
    trend: null,
    ...provenanceColumns(provenance.parts.blockA),
  }));
  // Today's early years: shares of funded children (LAIT), with no tallies of settings (src/profile/block-a-shares.ts).
  const shares = p.blockAShares.map((r) => ({
    block: 'A',
    id: r.group.id,
    label: r.group.label,
    period: r.period?.original ?? null,
    la_inspected: null,
    la_outstanding: null,
    la_good_or_better: r.share,
    la_satisfactory: null,
    la_inadequate: null,
    la_basis: `share of children (${r.group.indicator})`,
    similar_areas: r.similarAreas?.share ?? null,
    similar_areas_basis: r.similarAreas ? (r.similarAreas.method === 'supplied' ? 'supplied-comparator' : `neighbours-${r.similarAreas.method}`) : null,
    england: r.england,
    england_basis: r.england === null ? null : 'published',
    change_since_last_year_points: r.change,
    vs_similar_areas: null,
    vs_england: null,
    rank: null,
    trend: null,
    ...provenanceColumns(provenance.indicators[r.group.indicator] ?? NO_PROVENANCE),
  }));
  const c = p.blockC.flatMap((r: BlockCRow) =>
    r.series.map((s) => ({
      block: 'C',
      id: r.indicator.id,
      label: r.indicator.name,
      period: s.period.original,
      la_value: s.la.kind === 'number' ? s.la.value : s.la.kind === 'symbol' ? s.la.symbol : null,
      similar_areas: s.similarAreas?.comparator ?? null,
      similar_areas_basis: s.similarAreas?.source ?? null,
      england: s.england?.comparator ?? null,
      england_basis: s.england?.source ?? null,
      vs_similar_areas: s.similarAreas?.verdict ?? s.similarAreas?.relation ?? null,
      vs_england: s.england?.verdict ?? s.england?.relation ?? null,
      rank: s === r.latest && r.rank ? `${r.rank.rank} of ${r.rank.of} (quartile ${r.rank.quartile})` : null,
      trend: s === r.latest && r.trend ? r.trend.word : null,
      ...provenanceColumns(provenance.indicators[r.indicator.id] ?? NO_PROVENANCE),
    })),
  );
  return [...a, ...shares, ...c];
}

export async function runProfile(repo: EvidenceRepository, options: { la?: string; name?: string; year: number; vintage?: string; format: 'table' | 'json' | 'csv'; settings?: FrameworkSettings }, io: Io): Promise<LaProfile> {
  const framework = frameworkWith(options.year, options.settings);
  const la = findLa(await repo.localAuthorities(), { ...(options.la === undefined ? {} : { code: options.la }), ...(options.name === undefined ? {} : { name: options.name }) });
  const run = await loadProfileRun(repo, framework, options.vintage === undefined ? {} : { vintage: options.vintage });
  const profile = buildProfile(run, la.code);
  // The one answer to "is any of this synthetic?" (provenance.ts), for this LA of the run.
  const provenance = (await loadProvenance(repo, run)).get(la.code) ?? NO_PROVENANCE;
  const synthetic = syntheticIds(provenance);
  if (options.format === 'json') {
    const blocks = { blockA: provenanceJson(provenance.parts.blockA), blockB: provenanceJson(provenance.parts.blockB), blockC: provenanceJson(provenance.parts.blockC) };
    io.out(JSON.stringify({ ...profile, ...provenanceJson(provenance), provenanceByBlock: blocks }, null, 2));
    return profile;
  }
  if (options.format === 'csv') {
    io.out(toCsv(profileRows(profile, provenance)));
    return profile;
  }
  io.out(`Performance profile: ${la.name} (${la.code}), ${framework.title}`);
  const blockAAt = framework.blockAAsAt ? ` (Block A: the provider files as at ${framework.blockAAsAt.current} and ${framework.blockAAsAt.previous}, in force at those dates)` : '';
  io.out(`Latest inspections at ${framework.profileDate}; last year at ${framework.previousProfileDate}${blockAAt}; similar areas: ${framework.similarAreas} of ${profile.neighbours.codes.length} neighbours (vintage ${profile.neighbours.vintage ?? 'none'})`);
  if (synthetic.length > 0) io.out(`Includes data that is not real: ${synthetic.join(', ')}`);
  io.out('');
  io.out('Block A: inspected settings and services (latest overall effectiveness)');
  io.out(
    formatTable([
      ['group', 'inspected', 'outstanding', 'good+', 'satisf.', 'inadequate', 'similar areas good+', 'England good+', 'change (pts)', 'basis'],
      ...profile.blockA.map((r) => [
        r.group.label,
        String(r.la.tally.inspected),
        pct(r.la.shares.outstanding),
        pct(r.la.shares.goodOrBetter),
        pct(r.la.shares.satisfactory),
        pct(r.la.shares.inadequate),
        `${goodOrBetter(r.similarAreas?.shares)}${r.similarAreas?.basis === 'supplied-comparator' ? ' (supplied)' : ''}`,
        `${goodOrBetter(r.england?.shares)}${r.england?.basis === 'supplied-comparator' ? ' (supplied)' : ''}`,
        r.goodOrBetterChange === null ? '-' : `${r.goodOrBetterChange > 0 ? '+' : ''}${r.goodOrBetterChange}`,
        r.la.basis,
      ]),
      ...profile.blockAShares.map((r) => [
        `${r.group.label}${r.period ? ` (${r.period.original})` : ''}`,
        '-',
        '-',
        r.figure.kind === 'symbol' ? num(r.figure) : pct(r.share),
        '-',
        '-',
        pct(r.similarAreas?.share),
        pct(r.england),
        r.change === null ? '-' : `${r.change > 0 ? '+' : ''}${r.change}`,
        `share of children (${r.group.indicator})`,
      ]),
    ]),
  );
  io.out('');
  io.out('Block B: inspections of the local authority');
  for (const b of profile.blockB) {
    const i = b.latest;
    if (!i) {
      io.out(`  ${LA_INSPECTION_LABEL[b.kind]}: none on record by ${framework.profileDate}`);
      continue;
    }
    const judgements = Object.entries(i.judgements).map(([k, v]) => `${k} ${JUDGEMENT_LABEL[v]}`).join(', ');
    const counts = i.priorityActionCount === null ? '' : `; areas for priority action: ${i.priorityActionCount}`;
    io.out(`  ${LA_INSPECTION_LABEL[b.kind]}, ${i.endDate}: ${i.overall ? JUDGEMENT_LABEL[i.overall] : 'no overall judgement'}${judgements ? ` (${judgements})` : ''}${counts}`);
  }
  // Today's years: the SIF and ILACS as one succession (src/profile/block-b.ts), the judgement in force and what changed.
  const s = profile.blockBSuccession;
  if (s) {
    const said = (i: NonNullable<typeof s.latest>) => `${i.kind === 'sif' ? 'SIF' : 'ILACS'} ending ${i.endDate}, ${i.overall ? JUDGEMENT_LABEL[i.overall] : 'no overall grade in the data'}`;
    io.out(`  In force at ${framework.profileDate}: ${s.latest ? said(s.latest) : 'none on record'}${s.previous ? `; before it: ${said(s.previous)}` : ''}${s.change ? `; ${changeWords(s.change)}` : ''}`);
  }
  io.out('');
  io.out('Block C: indicators (latest period; comparisons read through each indicator’s polarity)');
  io.out(
    formatTable([
      ['indicator', 'period', 'LA', 'similar areas', 'England', 'vs similar', 'vs England', 'rank', 'trend'],
      ...profile.blockC.map((r) => {
        const l = r.latest;
        return [
          r.indicator.id,
          l?.period.original ?? '-',
          l ? num(l.la) : '-',
          comparatorText(l?.similarAreas ?? null),
          comparatorText(l?.england ?? null),
          vs(l?.similarAreas ?? null),
          vs(l?.england ?? null),
          r.rank ? `${r.rank.rank}/${r.rank.of} (Q${r.rank.quartile})` : '-',
          r.trend ? `${r.trend.word}, ${r.trend.from.original} to ${r.trend.to.original}` : '-',
        ];
      }),
    ]),
  );
  return profile;
}
