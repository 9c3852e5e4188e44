import type { BlockCRow, Comparison, PeriodFigures, Trend } from '../profile/block-c.ts';
import type { LaProfile } from '../profile/profile.ts';
import { comparedWith, overTheLast, periodWords, provisionalSentence, standingOf, trendSentence } from './comparisons.ts';
import type { Standing, Wording } from './comparisons.ts';
import { capitalise, listWords } from './counts.ts';
import { LOW_INCOME_GAP_STAGE, indicatorPhrase, isGap } from './indicator-phrases.ts';
import type { Sentence } from './sentence.ts';
import { sentence, slug } from './sentence.ts';
import { indicatorTheme } from './themes.ts';
import type { Theme } from './themes.ts';

/**
 * Block C's indicators as statements among the strengths and areas, read together by theme (the rule is in
 * bullets.ts and docs/letters.md). Here are the words: a figure's position against the comparators, its trend in words
 * that depend on that position, the last final year's position before what provisional figures show, and gaps that
 * all stand the same and are not narrowing said once.
 */
export interface IndicatorStatement {
  readonly theme: Theme;
  readonly kind: 'strength' | 'area';
  readonly sentence: Sentence;
}

const SCORE = { better: 1, 'in-line': 0, worse: -1 } as const;
const verdictScore = (c: Comparison | null | undefined): number => (c?.verdict ? SCORE[c.verdict] : 0);
const TREND_SCORE = { improving: 1, narrowing: 1, stable: 0, declining: -1, widening: -1 } as const;

/** What a row says: the last final figures, a provisional figure after them, and a period not published after them. */
export interface Reading {
  /** The latest figures that are not provisional, or the provisional ones where there are no others. */
  readonly figures: PeriodFigures;
  /** Provisional figures later than `figures`, said after them ("Provisional figures for 2011 …"). */
  readonly provisional: PeriodFigures | null;
  /** A later period whose value is a data symbol ("There were no published figures for 2010"). */
  readonly unpublished: PeriodFigures | null;
  /** The periods with a figure, up to `figures`: what "for the last five years" and the trend are read over. */
  readonly numeric: readonly PeriodFigures[];
}

/**
 * A provisional figure is never the year's result: where a final (or unqualified, revised, outturn) figure precedes
 * it, that is the position stated, and the provisional one is what "provisional figures show" (stockport-2011,
 * stoke-on-trent-2011). src/domain/period.ts carries the qualifier.
 */
export function readingOf(row: BlockCRow): Reading | null {
  const numeric = row.series.filter((p) => p.la.kind === 'number');
  const last = numeric.at(-1);
  if (!last) return null;
  const provisional = last.period.qualifier === 'provisional' && numeric.length >= 2 ? last : null;
  const settled = provisional ? numeric.slice(0, -1) : numeric;
  const figures = settled.at(-1)!;
  const after = row.series.slice(row.series.indexOf(figures) + 1);
  const unpublished = after.findLast((p) => p.la.kind === 'symbol') ?? null;
  return { figures, provisional, unpublished, numeric: settled };
}

const relationKey = (p: PeriodFigures) => `${p.similarAreas?.relation ?? '-'}/${p.england?.relation ?? '-'}`;

/** Whether every period, three or more, stands in the same relation to both comparators. */
function consistent(reading: Reading): boolean {
  const { numeric } = reading;
  const key = relationKey(numeric.at(-1)!);
  return numeric.length >= 3 && key !== '-/-' && numeric.every((p) => relationKey(p) === key);
}

const endYear = (p: PeriodFigures) => p.period.endYear ?? 0;
const span = (from: PeriodFigures, to: PeriodFigures) => overTheLast(Math.max(1, endYear(to) - endYear(from)));
const standingAt = (p: PeriodFigures): Standing => standingOf(p.similarAreas?.verdict, p.england?.verdict);
const comparedAt = (row: BlockCRow, p: PeriodFigures) => comparedWith(p.similarAreas?.relation ?? null, p.england?.relation ?? null, wordingOf(row));
const wordingOf = (row: BlockCRow): Wording => (isGap(row.indicator) ? 'gap' : 'level');

interface Scored {
  readonly row: BlockCRow;
  readonly reading: Reading;
  readonly score: number;
  /** Whether it differs from either comparator or has moved: the EYFS gap "is closing … in line with similar areas
   * but … greater than the average across the country" scores 0 and is still worth saying (stockport-2011). */
  readonly signal: boolean;
  readonly text: string;
  readonly trend: Trend | null;
}

function indicatorText(row: BlockCRow, reading: Reading): { text: string; trend: Trend | null } | null {
  const { figures, provisional, unpublished, numeric } = reading;
  const phrase = indicatorPhrase(row.indicator);
  const wording = wordingOf(row);
  const standing = standingAt(figures);
  const parts: string[] = [];
  if (provisional === null && figures.period.qualifier === 'provisional') {
    // Only provisional figures: said as such, never as the year's result.
    const compared = comparedAt(row, figures);
    if (!compared) return null;
    return { text: `Provisional figures for ${periodWords(figures.period)} show ${phrase} to be ${compared}.`, trend: null };
  }
  const compared = comparedAt(row, figures);
  if (!compared) return null;
  const first = numeric[0]!;
  // Over the periods up to the last final figure (Block C reads it apart from a provisional one).
  const trend = row.provisional && provisional ? row.provisional.finalTrend : row.trend;
  if (consistent(reading)) {
    // "For the last five years, GCSE examination results … have been in line with the averages for similar areas and
    // above those for England" (stockport-2011): where every period reads the same. A stable trend there adds
    // nothing unless the position is poor ("results did not improve and were consistently below similar areas",
    // stoke-on-trent-2011); a gap consistently wider may still be closing ("has narrowed over the last two years").
    parts.push(`For ${overTheLast(endYear(figures) - endYear(first) + 1)}, up to ${periodWords(figures.period)}, ${phrase} has been ${compared}.`);
    if (trend && (trend.word !== 'stable' || standing === 'poor')) parts.push(trendSentence(trend.word, standing, wording, span(first, figures)));
  } else {
    parts.push(`${capitalise(phrase)} was ${compared} in ${periodWords(figures.period)}.`);
    if (trend) parts.push(trendSentence(trend.word, standing, wording, span(first, figures)));
  }
  // stoke-on-trent-2011: "There were no published Key Stage 2 results in 2010 but, in the three previous years, …".
  if (unpublished) parts.push(`There were no published figures for ${periodWords(unpublished.period)}.`);
  if (provisional) {
    const moved = row.provisional?.change ?? null;
    const now = comparedAt(row, provisional);
    parts.push(provisionalSentence(periodWords(provisional.period), moved?.word ?? null, standing, now && relationKey(provisional) !== relationKey(figures) ? now : null));
  }
  return { text: parts.join(' '), trend };
}

/**
 * Gaps for low-income families at several ages that stand the same against both comparators, in a poor position,
 * and are none of them moving, are one statement: "The gaps between young people from low-income families and others
 * at Key Stage 2 and at GCSE are wider than the averages nationally and for similar areas and are not narrowing"
 * (stoke-on-trent-2011: "The gap in attainment, at that level, … is not narrowing"). A gap that narrows or widens
 * keeps its own sentence, as stockport-2011 gives each of its three. Returns the groups of two or more.
 */
function gapsNotNarrowing(scored: readonly Scored[]): Scored[][] {
  const groups = new Map<string, Scored[]>();
  for (const x of scored) {
    if (!LOW_INCOME_GAP_STAGE[x.row.indicator.id] || !isGap(x.row.indicator) || x.reading.provisional || x.reading.unpublished) continue;
    if (x.trend?.word !== 'stable' || standingAt(x.reading.figures) !== 'poor') continue;
    const key = relationKey(x.reading.figures);
    groups.set(key, [...(groups.get(key) ?? []), x]);
  }
  const stages = Object.keys(LOW_INCOME_GAP_STAGE);
  const byAge = (a: Scored, b: Scored) => stages.indexOf(a.row.indicator.id) - stages.indexOf(b.row.indicator.id);
  return [...groups.values()].filter((g) => g.length >= 2).map((g) => [...g].sort(byAge));
}

function gapsText(group: readonly Scored[]): string {
  const compared = comparedAt(group[0]!.row, group[0]!.reading.figures)!;
  const stages = listWords(group.map((x) => LOW_INCOME_GAP_STAGE[x.row.indicator.id]!));
  return `The gaps between young people from low-income families and others ${stages} are ${compared} and are not narrowing.`;
}

/**
 * `reportedLastYear`: what last year's letter said among its strengths and areas ("strengths:c:ni-75"), for "as
 * reported in last year's assessment". `perTheme`: at most this many indicators in a theme, the most salient first.
 */
export function indicatorStatements(profile: LaProfile, reportedLastYear: ReadonlySet<string>, perTheme: number, perLetter = Infinity): IndicatorStatement[] {
  const byTheme = new Map<Theme, Scored[]>();
  for (const row of profile.blockC) {
    const reading = readingOf(row);
    if (!reading) continue;
    const said = indicatorText(row, reading);
    if (!said) continue;
    const { figures } = reading;
    const parts = [2 * verdictScore(figures.similarAreas), verdictScore(figures.england), said.trend ? TREND_SCORE[said.trend.word] : 0];
    const score = parts.reduce((s, x) => s + x, 0);
    const signal = parts.some((x) => x !== 0) || reading.provisional !== null;
    const theme = indicatorTheme(row.indicator.id, row.indicator.ecmOutcome, row.indicator.name);
    byTheme.set(theme, [...(byTheme.get(theme) ?? []), { row, reading, score, signal, text: said.text, trend: said.trend }]);
  }
  const out: IndicatorStatement[] = [];
  const referredBack = new Set<string>();
  // At most `perLetter` in the whole letter, the most salient of each theme's first (issue 12: with some thirty
  // indicators, letters ran to twice the seeds' length; the seeds state nine and ten).
  const salient = (list: readonly Scored[]) => [...list].sort((a, b) => Math.abs(b.score) - Math.abs(a.score));
  const inLetter = new Set(salient([...byTheme.values()].flatMap((scored) => salient(scored.filter((x) => x.signal || consistent(x.reading))).slice(0, perTheme))).slice(0, perLetter));
  for (const [theme, scored] of byTheme) {
    // An indicator in line with both comparators is worth saying only where it has been so for years ("Over the same
    // period, the proportion of 19-year-olds achieving the equivalent of two A level passes has been in line with the
    // averages nationally and for similar areas", stockport-2011).
    const worth = scored.filter((x) => x.signal || consistent(x.reading));
    const chosen = [...worth].sort((a, b) => Math.abs(b.score) - Math.abs(a.score)).slice(0, perTheme).filter((x) => inLetter.has(x));
    // The theme reads by what the letter says of it: where the cap on indicators leaves out the rest of a theme, the
    // one left is a strength or an area by itself, never a lone "However" among the areas.
    const total = chosen.reduce((s, x) => s + x.score, 0);
    // Those that go with the theme first, then those against it, each "However, …".
    const ordered = [...chosen.filter((x) => Math.sign(x.score) !== -Math.sign(total)), ...chosen.filter((x) => Math.sign(x.score) === -Math.sign(total))];
    const together = new Map<Scored, Scored[]>();
    for (const group of gapsNotNarrowing(ordered)) for (const x of group) together.set(x, group);
    for (const x of ordered) {
      const group = together.get(x);
      if (group && group[0] !== x) continue;
      const kind = total > 0 ? 'strength' : total < 0 ? 'area' : x.score > 0 ? 'strength' : x.score < 0 ? 'area' : null;
      if (!kind) continue;
      const evidence = (group ?? [x]).flatMap((y) => [y.reading.figures, y.reading.provisional].filter((p) => p !== null).map((p) => ({ block: 'C' as const, indicator: y.row.indicator.id, period: p.period.original })));
      const against = (kind === 'strength' && x.score < 0) || (kind === 'area' && x.score > 0);
      if (group) {
        const text = gapsText(group);
        out.push({ theme, kind, sentence: sentence(`c:${group.map((y) => y.row.indicator.id).join('+')}`, against ? `However, ${text.charAt(0).toLowerCase()}${text.slice(1)}` : text, ...evidence) });
        continue;
      }
      const id = slug(`c:${x.row.indicator.id}`);
      // stoke-on-trent-2011: "However, as reported in 2010, the proportion of 16-year-olds with special educational
      // needs obtaining good qualifications is below …": where last year's letter, as sent, said it among the same.
      // Once in a bullet: the letters say it of a point, not of every figure that has not moved.
      const reported = reportedLastYear.has(`${kind === 'strength' ? 'strengths' : 'areas'}:${id}`) && !x.text.startsWith('For the last') && !referredBack.has(`${theme}:${kind}`);
      if (reported) referredBack.add(`${theme}:${kind}`);
      const lead = [against ? 'However' : null, reported ? "as reported in last year's assessment" : null].filter((w) => w !== null).join(', ');
      const text = lead ? `${capitalise(lead)}, ${x.text.charAt(0).toLowerCase()}${x.text.slice(1)}` : x.text;
      out.push({ theme, kind, sentence: sentence(id, text, ...evidence) });
    }
  }
  return out;
}
