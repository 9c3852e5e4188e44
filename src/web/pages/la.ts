import { DATA_SYMBOL_MEANING } from '../../domain/data-symbol.ts';
import { JUDGEMENT_LABEL } from '../../domain/judgement.ts';
import { LA_INSPECTION_LABEL } from '../../domain/la-inspection.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import { formatInterval, formatKappa, formatShare, trustSummary } from '../../evaluation/ilacs.ts';
import type { Assessment } from '../../judgement/assess.ts';
import { letterDate, letterMonth } from '../../narrative/dates.ts';
import { changeWords } from '../../profile/block-b.ts';
import { provenanceColumns, syntheticLabel, syntheticNote } from '../../judgement/provenance.ts';
import type { ProvenanceSummary } from '../../judgement/provenance.ts';
import type { Figure } from '../../profile/block-c.ts';
import { RED_RED_MEANING, redReds } from '../../profile/red-red.ts';
import type { RedRed } from '../../profile/red-red.ts';
import type { Framework } from '../../frameworks/types.ts';
import { buildProfile } from '../../profile/profile.ts';
import type { LaProfile } from '../../profile/profile.ts';
import { blockAChart } from '../charts.ts';
import type { YearView } from '../site-data.ts';
import type { SiteReader } from '../viewer.ts';
import { STATE_WORDS } from '../../domain/workflow.ts';
import { siteEvaluation } from './evaluation.ts';
import { whatIfSummary } from './la-what-if.ts';
import { missingYears, scaleView } from '../years-explained.ts';

/**
 * An LA's page for a year: the grade with its reasons (the trace, in words), Block A as a chart with its table, the
 * LA's own inspections (Block B), the indicators (Block C) with their comparisons, rank and trend, the statistical
 * neighbours with their grades, and the LA's grades in the other years.
 */
const percent = (share: number | null | undefined) => (share === null || share === undefined ? '–' : `${Math.round(share * 100)}%`);
const figure = (f: Figure): string => (f.kind === 'number' ? String(Number(f.value.toFixed(2))) : f.kind === 'symbol' ? f.symbol : '–');
const VERDICT: Readonly<Record<string, string>> = { better: 'better', 'in-line': 'in line', worse: 'worse' };
const RELATION: Readonly<Record<string, string>> = { above: 'above', 'in-line': 'in line', below: 'below' };
/** The tag ("Synthetic data") and its sentence for a figure or a table, or `null` where nothing behind it is synthetic. */
const marking = (p: ProvenanceSummary) => (p.synthetic ? { label: syntheticLabel(p)!, note: syntheticNote(p)! } : null);

const capital = (text: string) => `${text.charAt(0).toUpperCase()}${text.slice(1)}`;
const KIND_NAME: Partial<Record<LaInspection['kind'], string>> = { ilacs: 'ILACS', sif: 'Single inspection framework (SIF)' };

/**
 * An inspection of the LA in a line: its kind, its dates (a report the data dates only by publication says so) and its
 * overall effectiveness in Ofsted's words, or that the data has none.
 */
export function inspectionLine(i: LaInspection): { kind: string; dates: string; overall: string; text: string } {
  const kind = KIND_NAME[i.kind] ?? LA_INSPECTION_LABEL[i.kind];
  const dates = i.startDate ? `${letterDate(i.startDate)} to ${letterDate(i.endDate)}` : i.publishedOn === i.endDate ? `report published ${letterDate(i.endDate)} (the data gives no inspection dates)` : `ended ${letterDate(i.endDate)}`;
  const overall = i.overall ? capital(JUDGEMENT_LABEL[i.overall]) : 'No overall effectiveness grade in the data';
  return { kind, dates, overall, text: `${kind}, ${dates}: ${overall.charAt(0).toLowerCase()}${overall.slice(1)}` };
}

/**
 * Block B's succession (the SIF, then ILACS: src/profile/block-b.ts) for the page: the inspection in force at the
 * profile date, the one before it, and what changed; `null` for a year without one.
 */
export function successionView(profile: LaProfile) {
  const s = profile.blockBSuccession;
  if (!s) return null;
  const asAt = letterDate(profile.framework.profileDate);
  return {
    asAt,
    latest: s.latest ? inspectionLine(s.latest) : null,
    previous: s.previous ? inspectionLine(s.previous) : null,
    change: s.change
      ? capital(changeWords(s.change))
      : !s.latest
        ? `No inspection of the council's children's services on or before ${asAt} is in the data`
        : !s.previous
          ? 'No earlier inspection is in the data'
          : !s.latest.overall
            ? 'Not known: the latest has no overall effectiveness grade in the data'
            : `Not known: the one before it, the ${s.previous.kind === 'sif' ? 'SIF' : s.previous.kind === 'ilacs' ? 'ILACS' : 'inspection'} of ${letterMonth(s.previous.endDate)}, has no overall effectiveness grade in the data`,
  };
}

/**
 * How far to trust an indicator year's grade (issue 13): Kingsway's agreement with inspectors on the inspections it
 * reports on (ILACS ending 2023 on, which nothing fitted read), from the evaluation the site computes for
 * /evaluation/ilacs, with the kappa's bootstrap interval, and carry-forward of the previous inspection for scale.
 */
async function trustView(data: SiteReader) {
  // Agreement over every LA's inspection: a figure about the method, naming no LA, so read from the whole site.
  const t = trustSummary(await siteEvaluation(data.unrestricted));
  const none = 'no inspection to compare';
  return {
    from: t.inspectionsEndingFrom.slice(0, 4),
    n: t.n,
    exact: t.n === 0 ? none : `${formatShare(t.exact)} of ${t.n} inspections`,
    withinOne: t.n === 0 ? none : formatShare(t.withinOne),
    kappa: t.quadraticKappa === null ? 'not defined on these inspections' : `${formatKappa(t.quadraticKappa)}${t.interval ? `, ${Math.round(t.interval.level * 100)}% interval ${formatInterval(t.interval)}` : ''}`,
    inadequate: t.inadequateRecall === null ? 'no inspection judged inadequate' : formatShare(t.inadequateRecall),
    carryForward: t.carryForwardKappa === null ? 'not defined on these inspections' : formatKappa(t.carryForwardKappa),
  };
}

const number = (x: number) => String(Number(x.toFixed(2)));
const IN_POINTS = /%|percent|percentage point/i;

/** A red-red's figures in a line: the latest against both comparators, then the period before and the change. */
export function redRedFigures(r: RedRed): string {
  const points = IN_POINTS.test(r.unit) ? ' points' : '';
  const change = `${r.change.change > 0 ? '+' : ''}${number(r.change.change)}${points}`;
  return `${number(r.value)} in ${r.period.original}, against ${number(r.similarAreas.comparator)} for similar areas and ${number(r.england.comparator)} for England; ${number(r.previous.value)} in ${r.previous.period.original} (${r.change.word}, ${change})`;
}

/**
 * The red-reds of a profile (src/profile/red-red.ts) for a page: the summary's sentence, what the term means, and each
 * with its figures. `hrefOf` gives where a red-red links to (its row on the page, or its own page).
 */
export function redRedView(profile: LaProfile, framework: Framework, laName: string, hrefOf: (id: string) => string) {
  const list = redReds(profile, framework);
  const n = list.length;
  return {
    summary:
      n === 0
        ? `None of ${laName}'s indicators are worse than similar areas and England and getting worse.`
        : `${n} indicator${n === 1 ? ' is' : 's are'} worse than similar areas and England and getting worse:`,
    meaning: RED_RED_MEANING,
    ids: new Set(list.map((r) => r.id)),
    items: list.map((r) => ({ id: r.id, name: r.name, href: hrefOf(r.id), outcome: r.outcome?.replace(/-/g, ' ') ?? '–', figures: redRedFigures(r) })),
  };
}

/**
 * `outcomeHidden`: the profile only, as released to the LA's own people before their draft reaches them (the embargo:
 * src/domain/visibility.ts, `profile`). Every other LA's grade and every other year's is shown only as far as the reader
 * may see it.
 */
export async function laPage(data: SiteReader, view: YearView, a: Assessment, options: { readonly outcomeHidden?: boolean } = {}) {
  const year = view.framework.year;
  const label = (g: number) => view.framework.scale.find((s) => s.grade === g)?.label ?? String(g);
  const profile: LaProfile = a.status === 'assessed' ? a.profile : buildProfile(view.input.run, a.la.code);

  const outcome =
    a.status === 'assessed'
      ? {
          headline: `${label(a.grade)} (${a.grade})`,
          status: a.final ? 'Final grade, judged by an inspector' : view.framework.official ? 'Derived grade, awaiting inspector judgement' : "Kingsway's grade, derived from published data (no inspector judgement applies)",
          derived: `${label(a.derived)} (${a.derived})`,
          judgement: a.judgement && a.judgement.decision.kind === 'grade' ? { by: a.judgement.author, at: a.judgement.recordedAt.slice(0, 10), rationale: a.judgement.rationale } : null,
          // Today's years travel from Kingsway's own grade of the year before, and say so (assess.ts).
          direction: a.direction?.text ?? (view.framework.official ? 'No final grade is recorded for the year before, so there is no direction of travel.' : 'Kingsway has no indicator assessment of the year before to set this one against, so there is no direction of travel.'),
          rules: a.derivation.fired.map((f) => `${f.rule.title}: ${f.before} to ${f.after}`),
          trace: a.derivation.trace.map((t) => ({ text: t.text, evidence: t.evidence })),
        }
      : a.status === 'withheld'
        ? {
            headline: 'Withheld',
            status: `Outcome withheld by ${a.judgement.author} on ${a.judgement.recordedAt.slice(0, 10)}`,
            derived: a.derived !== null ? `${label(a.derived)} (${a.derived})` : '–',
            // Who withheld it, when and why: never "None recorded" (issue 11).
            judgement: { by: a.judgement.author, at: a.judgement.recordedAt.slice(0, 10), rationale: `withheld the outcome: ${a.reason}` },
            direction: '',
            rules: [],
            trace: [],
          }
        : { headline: 'Not assessed', status: a.reason, derived: '–', judgement: null, direction: '', rules: [], trace: [] };
  const synthetic = marking(a.provenance);
  const blockMarking = { blockA: marking(a.provenance.parts.blockA), blockB: marking(a.provenance.parts.blockB), blockC: marking(a.provenance.parts.blockC) };

  // Kingsway's indicator view of today's data beside the inspectors' latest judgement (issue 6).
  const latestIlacs = view.framework.official
    ? null
    : ([...view.input.run.laInspections].filter((i) => i.la === a.la.code && i.kind === 'ilacs' && i.overall).sort((x, y) => y.endDate.localeCompare(x.endDate))[0] ?? null);
  const beside = view.framework.official
    ? null
    : {
        indicators: a.status === 'assessed' ? `${label(a.derivation.provisional)} (${a.derivation.provisional}), from the indicators alone` : 'Not assessed',
        ilacs: latestIlacs ? `${JUDGEMENT_LABEL[latestIlacs.overall!][0]!.toUpperCase()}${JUDGEMENT_LABEL[latestIlacs.overall!].slice(1)} (inspection ended ${latestIlacs.endDate})` : 'No ILACS judgement in the data',
      };
  const succession = successionView(profile);
  const trust = view.framework.official ? null : await trustView(data);
  const chart = blockAChart(a.la.name, profile.blockA);
  const groupRows = profile.blockA
    .filter((r) => r.la.tally.inspected > 0 || (r.england?.shares.goodOrBetter ?? null) !== null)
    .map((r) => ({
      group: r.group.label,
      inspected: r.la.tally.inspected,
      outstanding: r.la.tally.outstanding,
      good: r.la.tally.good,
      satisfactory: r.la.tally.satisfactory,
      inadequate: r.la.tally.inadequate,
      goodOrBetter: percent(r.la.shares.goodOrBetter),
      similarAreas: percent(r.similarAreas?.shares.goodOrBetter),
      england: percent(r.england?.shares.goodOrBetter),
      change: r.goodOrBetterChange === null ? '–' : `${r.goodOrBetterChange > 0 ? '+' : ''}${r.goodOrBetterChange.toFixed(0)} points`,
      // The download keeps the label: whether synthetic data lies behind the row, and which datasets.
      ...provenanceColumns(a.provenance.parts.blockA),
    }));
  // Today's early years: shares of funded children from LAIT, not counts of settings, in the same table (and download)
  // with the counts left blank rather than made up (src/profile/block-a-shares.ts).
  const points = (n: number | null) => (n === null ? '–' : `${n > 0 ? '+' : ''}${n.toFixed(0)} points`);
  const shareRows = profile.blockAShares
    .filter((r) => r.period !== null)
    .map((r) => ({
      group: `${r.group.label} (share of children, ${r.period!.original})`,
      inspected: '–',
      outstanding: '–',
      good: '–',
      satisfactory: '–',
      inadequate: '–',
      goodOrBetter: r.figure.kind === 'symbol' ? r.figure.symbol : percent(r.share),
      similarAreas: percent(r.similarAreas?.share),
      england: percent(r.england),
      change: points(r.change),
      ...provenanceColumns(a.provenance.indicators[r.group.indicator] ?? a.provenance.parts.blockC),
    }));
  const blockA = [...groupRows, ...shareRows];
  const blockB = profile.blockB.map((b) => ({
    kind: LA_INSPECTION_LABEL[b.kind],
    date: b.latest?.endDate ?? null,
    overall: b.latest?.overall ? JUDGEMENT_LABEL[b.latest.overall] : null,
    judgements: b.latest ? Object.entries(b.latest.judgements).map(([name, j]) => `${name.replace(/-/g, ' ')}: ${JUDGEMENT_LABEL[j]}`) : [],
    findings: b.latest ? [b.latest.strengthsCount !== null ? `${b.latest.strengthsCount} strengths` : null, b.latest.developmentCount !== null ? `${b.latest.developmentCount} areas for development` : null, b.latest.priorityActionCount !== null ? `${b.latest.priorityActionCount} areas for priority action` : null].filter((x) => x !== null) : [],
    inWindow: b.inWindow.length,
  }));
  const blockCRows = profile.blockC.filter((r) => r.latest);
  // Each row's place on the page (id="block-c-row-N" in la.njk), for the red-reds' summary to link to.
  const rowAnchor = new Map(blockCRows.map((r, n) => [r.indicator.id, `#block-c-row-${n + 1}`]));
  const redRed = redRedView(profile, view.framework, a.la.name, (id) => rowAnchor.get(id) ?? `/${year}/la/${a.la.code}/indicator/${encodeURIComponent(id)}`);
  const blockC = blockCRows
    .map((r) => {
      const l = r.latest!;
      return {
        id: r.indicator.id,
        name: r.indicator.name,
        href: `/${year}/la/${a.la.code}/indicator/${encodeURIComponent(r.indicator.id)}`,
        outcome: r.indicator.ecmOutcome?.replace(/-/g, ' ') ?? '–',
        period: l.period.original,
        value: figure(l.la),
        symbol: l.la.kind === 'symbol' ? DATA_SYMBOL_MEANING[l.la.symbol] : null,
        similarAreas: l.similarAreas ? `${Number(l.similarAreas.comparator.toFixed(2))} (${VERDICT[l.similarAreas.verdict ?? ''] ?? RELATION[l.similarAreas.relation]})` : '–',
        england: l.england ? `${Number(l.england.comparator.toFixed(2))} (${VERDICT[l.england.verdict ?? ''] ?? RELATION[l.england.relation]})` : '–',
        rank: r.rank ? `${r.rank.rank} of ${r.rank.of} (quartile ${r.rank.quartile})` : '–',
        trend: r.trend ? `${r.trend.word}, ${r.trend.from.original} to ${r.trend.to.original}` : '–',
        // Worse than similar areas and England and getting worse (src/profile/red-red.ts); a column of the CSV too.
        redRed: redRed.ids.has(r.indicator.id),
        ...provenanceColumns(a.provenance.indicators[r.indicator.id] ?? a.provenance.parts.blockC),
      };
    });
  const bands =
    a.status === 'assessed'
      ? a.derivation.blockC.outcomes.map((o) => ({ outcome: o.outcome.replace(/-/g, ' '), better: o.better, inLine: o.inLine, worse: o.worse, net: `${Math.round(o.net * 100)}%`, band: `${o.band} ${label(o.band)}` }))
      : [];
  const allLas = new Map((await data.las()).map((la) => [la.code as string, la]));
  const neighbours = profile.neighbours.codes.map((code) => {
    const n = view.byCode.get(code);
    const unseen = !n && data.sight(year, code) === 'none' && allLas.has(code);
    return { code, name: n?.la.name ?? allLas.get(code)?.name ?? code, grade: unseen ? 'Not published' : !n ? 'Not in the data' : n.status === 'assessed' ? `${label(n.grade)} (${n.grade})` : n.status === 'withheld' ? 'Withheld' : 'Not assessed', synthetic: n ? marking(n.provenance) : null, href: `/${year}/la/${code}` };
  });
  const otherYears = [];
  for (const y of data.years) {
    const other = (await data.year(y)).byCode.get(a.la.code);
    const hidden = y === year ? options.outcomeHidden === true : !other && data.sight(y, a.la.code) !== 'current';
    otherYears.push({ year: y, current: y === year, href: `/${y}/la/${a.la.code}`, grade: hidden ? 'Not published' : !other ? 'No LA by this code that year' : other.status === 'assessed' ? `${data.scaleLabel(y, other.grade)} (${other.grade})${other.final ? '' : ', derived'}` : other.status === 'withheld' ? 'Withheld' : 'Not assessed', synthetic: other ? marking(other.provenance) : null });
  }
  return {
    title: `${a.la.name}: children's services ${view.framework.outcomeNoun} ${year}`,
    section: 'national',
    year,
    breadcrumbs: [{ text: `National picture ${year}`, href: `/${year}` }, { text: a.la.name }],
    la: a.la,
    frameworkTitle: view.framework.title,
    outcome,
    synthetic,
    blockMarking,
    official: view.framework.official,
    beside,
    succession,
    trust,
    chart,
    blockA,
    blockAShareNote: shareRows.length > 0 ? `The early years rows are LAIT's shares of funded children whose early education is with a good or outstanding provider (${profile.blockAShares.map((r) => r.group.indicator).join(', ')}), not counts of settings; they are banded like a group's share good or better.` : null,
    thirdGrade: view.framework.official ? 'Satisfactory' : 'Requires improvement',
    blockB,
    blockC,
    redReds: { summary: redRed.summary, meaning: redRed.meaning, items: redRed.items },
    bands,
    csv: { blockA: `/${year}/la/${a.la.code}/block-a.csv`, blockC: `/${year}/la/${a.la.code}/block-c.csv` },
    neighbours,
    vintage: profile.neighbours.vintage,
    similarAreasMethod: profile.framework.similarAreas,
    otherYears,
    // What the year's grades mean, from its framework; and why some years have no pages (years-explained.ts).
    scale: scaleView(view.framework),
    missingYears: missingYears(),
    letterHref: a.status === 'assessed' && !options.outcomeHidden ? `/${year}/la/${a.la.code}/letter` : null,
    // Where the grade stands, and the way to what would move it (la-what-if.ts): not where the grade itself is hidden.
    whatIf: whatIfSummary(view, a, options.outcomeHidden === true),
    outcomeHidden: options.outcomeHidden === true,
    // The evaluation lists unpublished grades LA by LA: for Ofsted's staff only.
    evaluationHref: data.seesUnpublished ? '/evaluation/ilacs' : null,
    // The process page is for the people in it: Ofsted's staff, and the LA's own.
    processHref: data.actor.kind === 'user' && (data.seesUnpublished || (data.actor.role === 'la' && data.actor.la === a.la.code)) ? `/${year}/la/${a.la.code}/process` : null,
    processState: STATE_WORDS[data.status(year, a.la.code).state],
  };
}
