import { JUDGEMENT_LABEL } from '../domain/judgement.ts';
import type { Framework } from '../frameworks/types.ts';
import type { Assessment } from '../judgement/assess.ts';
import { countWords, capitalise } from './counts.ts';
import { proportionOf } from './proportions.ts';
import type { Sentence } from './sentence.ts';
import { sentence } from './sentence.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/** "perform well", from the scale label "Performs well" (2009-2011). */
const verbOf = (label: string): string => label.replace(/^Performs\b/, 'perform');

/**
 * The summary paragraph of a 2009-2011 letter (shared/docs/framework.md §8): the grade in words, the direction since
 * last year, the headline proportion of good or better provision, and the most recent inspections of the LA itself.
 * Every sentence carries the evidence it states.
 */
export function summarySentences(a: Assessed, framework: Framework): Sentence[] {
  const out: Sentence[] = [];
  const label = framework.scale.find((s) => s.grade === a.grade)?.label ?? String(a.grade);
  out.push(sentence('grade', `Children's services in ${a.la.formalName} ${verbOf(label)}.`, { block: 'grade', framework: framework.id, grade: a.grade, final: a.final }));
  if (a.direction) {
    const text = a.direction.direction === 'sustained' ? `This performance has been sustained from ${a.direction.previousYear} to ${framework.year}.` : `This is ${a.direction.direction === 'improved' ? 'an improvement on' : 'a decline from'} ${a.direction.previousYear}, when children's services performed ${verbOf(framework.scale.find((s) => s.grade === a.direction!.previousGrade)?.label ?? '').replace(/^perform /, '')}.`;
    out.push(sentence('direction', text, { block: 'direction', year: a.direction.previousYear, grade: a.direction.previousGrade }));
  }
  // The headline: every inspected setting counted together, as a reader of the letter would count "provision".
  let inspected = 0;
  let goodOrBetter = 0;
  for (const row of a.profile.blockA) {
    inspected += row.la.tally.inspected;
    goodOrBetter += row.la.tally.outstanding + row.la.tally.good;
  }
  if (inspected > 0) {
    out.push(
      sentence(
        'headline',
        `${capitalise(proportionOf(goodOrBetter / inspected))} provision for children and young people is good or better.`,
        ...a.profile.blockA.filter((r) => r.la.tally.inspected > 0).map((r) => ({ block: 'A' as const, group: r.group.id, asAt: r.asAt })),
      ),
    );
  }
  out.push(...inspectionSentences(a));
  return out;
}

/** The LA's own inspections of the assessment year: an unannounced inspection and a full safeguarding inspection. */
function inspectionSentences(a: Assessed): Sentence[] {
  const out: Sentence[] = [];
  const since = a.profile.framework.previousProfileDate;
  const slac = a.profile.blockB.find((b) => b.kind === 'slac')?.latest;
  if (slac && slac.endDate > since) {
    const safeguarding = slac.judgements.safeguarding;
    const capacity = slac.judgements['safeguarding-capacity'];
    if (safeguarding) {
      out.push(
        sentence(
          'slac',
          `A recent full inspection of safeguarding and services for looked after children found services to be ${JUDGEMENT_LABEL[safeguarding]}${capacity ? `, with ${JUDGEMENT_LABEL[capacity]} capacity to improve` : ''}.`,
          { block: 'B', kind: 'slac', endDate: slac.endDate },
        ),
      );
    }
  }
  const ucra = a.profile.blockB.find((b) => b.kind === 'ucra')?.latest;
  if (ucra && ucra.endDate > since) {
    const evidence = { block: 'B' as const, kind: 'ucra' as const, endDate: ucra.endDate };
    const strengths = ucra.findings.filter((f) => f.kind === 'strength').length || (ucra.strengthsCount ?? 0);
    const development = ucra.findings.filter((f) => f.kind === 'area-for-development').length || (ucra.developmentCount ?? 0);
    const priority = ucra.priorityActionCount ?? ucra.findings.filter((f) => f.kind === 'area-for-priority-action').length;
    const found = [strengths > 0 ? `${countWords(strengths)} area${strengths === 1 ? '' : 's'} of strength` : null, development > 0 ? `${countWords(development)} area${development === 1 ? '' : 's'} for development` : null].filter((x) => x !== null);
    out.push(
      sentence(
        'ucra',
        `A recent unannounced inspection of contact, referral and assessment arrangements for children in need and children who may be in need of protection found ${found.length > 0 ? found.join(' and ') : 'no areas of strength or for development'}.`,
        evidence,
      ),
    );
    out.push(sentence('ucra-priority', priority === 0 ? 'There were no areas for priority action.' : `It found ${countWords(priority)} area${priority === 1 ? '' : 's'} for priority action.`, evidence));
  }
  return out;
}
