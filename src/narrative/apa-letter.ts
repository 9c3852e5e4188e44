import { ECM_OUTCOMES } from '../domain/indicator.ts';
import type { EcmOutcome } from '../domain/indicator.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { Comparison, PeriodFigures } from '../profile/block-c.ts';
import { capitalise, countWords } from './counts.ts';
import { indicatorPhrase } from './indicator-phrases.ts';
import type { LetterSection } from './letter-draft.ts';
import { letterMonth } from './dates.ts';
import type { Sentence } from './sentence.ts';
import { sentence } from './sentence.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/**
 * The 2006 annual performance assessment letter (stockport-2006-apa.txt): after the table of graded areas, a summary
 * that puts the grade in the scale's words and gives the council's capacity to improve, then a section for each Every
 * Child Matters outcome — the contribution the council makes to it, where the grade came from, and the indicators
 * behind it with their figures, as the letter quotes them ("has dropped in 2004/05 to 36.8, which is below comparators
 * and England averages") — and a section on management and capacity to improve with the joint area review's
 * recommendations. The inspectors' own account of each outcome's services is not in the data: that is theirs to add
 * as edits.
 */
const DELIVERS: Readonly<Record<number, string>> = {
  4: 'delivers well above minimum requirements',
  3: 'delivers above minimum requirements',
  2: 'delivers only minimum requirements',
  1: 'does not deliver minimum requirements',
};

/** "makes a good contribution towards improving the health of children and young people" (stockport-2006). */
const CONTRIBUTION: Readonly<Record<number, string>> = { 4: 'an outstanding', 3: 'a good', 2: 'an adequate', 1: 'an inadequate' };
const TOWARDS: Readonly<Record<EcmOutcome, string>> = {
  'being-healthy': 'improving the health of children and young people',
  'staying-safe': 'promoting and securing the safety of children and young people',
  'enjoying-and-achieving': 'helping children and young people to achieve well and enjoy their education',
  'positive-contribution': 'helping children and young people to make a positive contribution',
  'economic-wellbeing': 'helping young people to achieve economic well-being',
};
const CAPACITY: Readonly<Record<number, string>> = { 4: 'outstanding', 3: 'good', 2: 'adequate', 1: 'inadequate' };

export function apaSummary(a: Assessed, framework: Framework): Sentence[] {
  const capacity = a.derivation.areas.find((x) => x.id === 'capacity-to-improve');
  const out = [sentence('grade', `${a.la.formalName} ${DELIVERS[a.grade]} for children and young people.`, { block: 'grade', framework: framework.id, grade: a.grade, final: a.final })];
  if (capacity) out.push(sentence('capacity', `The council's capacity to improve its services further is ${CAPACITY[capacity.grade]}.`, { block: 'area', area: 'capacity-to-improve', grade: capacity.grade }));
  return out;
}

const format = (value: number, unit: string): string => `${value}${unit.trim() === '%' ? '%' : ''}`;
const RELATION: Readonly<Record<Comparison['relation'], string>> = { above: 'above', 'in-line': 'in line with', below: 'below' };

/** "in line with similar areas (21.7) and below the national average (25.3)". */
function againstComparators(figures: PeriodFigures, unit: string): string | null {
  const parts: string[] = [];
  if (figures.similarAreas) parts.push(`${RELATION[figures.similarAreas.relation]} similar areas (${format(figures.similarAreas.comparator, unit)})`);
  if (figures.england) parts.push(`${RELATION[figures.england.relation]} the national average (${format(figures.england.comparator, unit)})`);
  return parts.length > 0 ? parts.join(' and ') : null;
}

function indicatorSentences(a: Assessed, outcome: EcmOutcome): Sentence[] {
  return a.profile.blockC.flatMap((row) => {
    if (row.indicator.ecmOutcome !== outcome) return [];
    const numeric = row.series.filter((p) => p.la.kind === 'number');
    const now = numeric.at(-1);
    if (!now || now.la.kind !== 'number') return [];
    const before = numeric.at(-2);
    const unit = row.indicator.unit;
    const value = now.la.value;
    // The 2006 letter names years as the source does ("from 64% in 2004/05 to 54% in 2005/06"), but never its
    // qualifier: "2005/06 (prov)" is said "2005/06, on provisional figures".
    const when = (p: typeof now) => `${p.period.original.replace(/\s*\([^)]*\)\s*$/, '')}${p.period.qualifier === 'provisional' ? ', on provisional figures' : ''}`;
    let figure = `was ${format(value, unit)} in ${when(now)}`;
    if (before && before.la.kind === 'number') {
      const verb = value > before.la.value ? 'rose' : value < before.la.value ? 'fell' : 'was unchanged';
      figure = verb === 'was unchanged' ? `was unchanged at ${format(value, unit)} in ${when(now)}` : `${verb} from ${format(before.la.value, unit)} in ${when(before)} to ${format(value, unit)} in ${when(now)}`;
    }
    const compared = againstComparators(now, unit);
    return [sentence(`c:${row.indicator.id}`, `For ${indicatorPhrase(row.indicator)}, the figure ${figure}${compared ? `, ${compared}` : ''}.`, { block: 'C', indicator: row.indicator.id, period: now.period.original })];
  });
}

export function apaSections(a: Assessed): LetterSection[] {
  const areas = a.derivation.areas;
  const jar = a.profile.blockB.find((b) => b.kind === 'jar')?.latest ?? null;
  const sections: LetterSection[] = ECM_OUTCOMES.flatMap((outcome): LetterSection[] => {
    const area = areas.find((x) => x.id === outcome);
    if (!area) return [];
    const basis = area.basis.startsWith('joint area review')
      ? `The joint area review of ${letterMonth(jar!.endDate)} judged it ${CAPACITY[area.grade]}.`
      : `No joint area review graded it: the grade is read from the indicators, ${area.basis.replace(/^indicators: /, '')}.`;
    const lead = sentence(`apa:${outcome}`, `The council makes ${CONTRIBUTION[area.grade]} contribution towards ${TOWARDS[outcome]}. ${basis}`, { block: 'area', area: outcome, grade: area.grade });
    const indicators = indicatorSentences(a, outcome);
    return [{ id: outcome, heading: area.label, form: 'paragraphs', blocks: [{ id: `${outcome}:judgement`, sentences: [lead] }, ...(indicators.length > 0 ? [{ id: `${outcome}:indicators`, sentences: indicators }] : [])] }];
  });
  const management = areas.find((x) => x.id === 'service-management');
  const capacity = areas.find((x) => x.id === 'capacity-to-improve');
  if (management) {
    const evidence = [{ block: 'area' as const, area: 'service-management', grade: management.grade }];
    const blocks = [{ id: 'service-management:judgement', sentences: [sentence('apa:service-management', `The council's management of its services for children and young people is ${CAPACITY[management.grade]}${capacity ? `, and it has ${CAPACITY[capacity.grade]} capacity to improve them further` : ''}.`, ...evidence)] }];
    const recommendations = jar?.findings.filter((f) => f.kind === 'recommendation') ?? [];
    if (jar && recommendations.length > 0) {
      const ref = { block: 'B' as const, kind: 'jar' as const, endDate: jar.endDate };
      blocks.push({
        id: 'service-management:recommendations',
        sentences: [
          sentence('jar-recommendations', `The joint area review of ${letterMonth(jar.endDate)} made ${recommendations.length === 1 ? 'one recommendation' : `${countWords(recommendations.length)} recommendations`} that this assessment followed up:`, ref),
          ...recommendations.map((r, i) => sentence(`jar-recommendation-${i + 1}`, `“${capitalise(r.text)}”`, ref)),
        ],
      });
    }
    sections.push({ id: 'service-management', heading: management.label, form: 'paragraphs', blocks });
  }
  return sections;
}
