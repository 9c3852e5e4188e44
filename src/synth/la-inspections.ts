import type { Judgement } from '../domain/judgement.ts';
import { existsOn } from '../domain/local-authority.ts';
import type { LaTraits } from './latent.ts';
import { profileDate } from './national-figures.ts';
import type { Row } from './providers.ts';
import { addDays, dateBetween, stream } from './random.ts';
import type { Random } from './random.ts';

/**
 * Inspections of the LA itself (Block B): a joint area review for each LA in 2005-2008; from 2009 an annual
 * unannounced inspection of contact, referral and assessment, and a three-yearly inspection of safeguarding and
 * looked after children; and some private fostering inspections and serious case review evaluations. Weaker LAs
 * (lower latent quality) more often have areas for priority action and inadequate judgements, at rates near the
 * published ones: ten LAs had their 2009 rating limited by unannounced-inspection findings (framework.md §4).
 */

const STRENGTHS = [
  'Clear strengths in preventative and multi-agency work.',
  'Thresholds for access to social care are understood and applied consistently by partners.',
  'Referrals are responded to promptly and decisions are recorded clearly.',
  'Management oversight of casework is regular and well evidenced.',
  'The out-of-hours service provides a timely and effective response.',
  'Good use is made of the common assessment framework by partner agencies.',
];
const DEVELOPMENT = [
  'The quality of initial assessments is variable and some lack analysis of risk.',
  'Case records do not always show the views of children and young people.',
  'Supervision is not consistently recorded.',
  'Timescales for completing core assessments are not always met.',
  'Feedback to referring agencies is inconsistent.',
];
const PRIORITY = [
  'Ensure that all referrals are screened by a qualified social worker within one working day.',
  'Ensure that children at risk of significant harm are seen and assessed without delay.',
  'Ensure that strategy discussions take place whenever there is reasonable cause to suspect significant harm.',
];
const RECOMMENDATIONS = [
  'Ensure that plans for new service developments include measurable targets.',
  'Improve transition planning for young people moving from children’s to adult services.',
  'Increase the participation of looked after children in their reviews.',
  'Ensure systematic feedback to children and young people following consultation.',
];

const row = (la: string, kind: string, start: string, end: string, extra: Row = {}): Row => ({
  la_code: la,
  inspection_kind: kind,
  start_date: start,
  end_date: end,
  published_on: addDays(end, 28),
  ...extra,
});

function socialCareGrade(rng: Random, quality: number, shares: readonly [number, number, number]): Judgement {
  // shares: outstanding, good, adequate (the rest inadequate), shifted by the LA's quality.
  const u = rng.next() - 0.12 * quality;
  return u < shares[0] ? 'outstanding' : u < shares[0] + shares[1] ? 'good' : u < shares[0] + shares[1] + shares[2] ? 'adequate' : 'inadequate';
}

export function generateLaInspections(traits: readonly LaTraits[], year: number, seed: number): { inspections: Row[]; findings: Row[] } {
  const until = profileDate(year);
  const inspections: Row[] = [];
  const findings: Row[] = [];
  const finding = (la: string, kind: string, end: string, findingKind: string, text: string) => findings.push({ la_code: la, inspection_kind: kind, end_date: end, finding_kind: findingKind, text });

  for (const t of traits) {
    const la = t.la.code;
    const rng = stream(`${seed}|${year}|${la}|la-inspections`);
    const live = (date: string) => existsOn(t.la, date) && date <= until;

    const jarEnd = dateBetween(rng, '2005-09-01', '2008-12-19');
    if (live(jarEnd)) {
      inspections.push(row(la, 'jar', addDays(jarEnd, -11), jarEnd, { overall_effectiveness: socialCareGrade(rng, t.quality, [0.1, 0.55, 0.3]) }));
      for (const text of RECOMMENDATIONS.filter(() => rng.chance(0.5))) finding(la, 'jar', jarEnd, 'recommendation', text);
    }

    for (let y = 2009; y <= year; y++) {
      const end = dateBetween(rng, `${y}-03-01`, `${y}-07-31`);
      if (!live(end)) continue;
      // Areas for priority action: about one LA in ten in 2009 (ten ratings were limited by them), fewer later,
      // concentrated among weaker LAs.
      // exp(-0.9 q) averages exp(0.405) over a standard normal q; dividing by it keeps the national rate at the base.
      const risk = (y === 2009 ? 0.08 : 0.06) * Math.exp(-0.9 * t.quality - 0.405);
      const priority = rng.chance(Math.min(0.6, risk)) ? rng.int(1, 2) : 0;
      const strengths = rng.int(1, 4);
      const development = rng.int(1, 3) + (priority > 0 ? 1 : 0);
      inspections.push(row(la, 'ucra', addDays(end, -1), end, { strengths_count: strengths, development_count: development, priority_action_count: priority }));
      const s0 = rng.int(0, STRENGTHS.length - 1);
      const d0 = rng.int(0, DEVELOPMENT.length - 1);
      for (let i = 0; i < strengths; i++) finding(la, 'ucra', end, 'strength', STRENGTHS[(s0 + i) % STRENGTHS.length]!);
      for (let i = 0; i < development; i++) finding(la, 'ucra', end, 'area-for-development', DEVELOPMENT[(d0 + i) % DEVELOPMENT.length]!);
      for (let i = 0; i < priority; i++) finding(la, 'ucra', end, 'area-for-priority-action', PRIORITY[i % PRIORITY.length]!);
    }

    // One safeguarding and looked after children inspection per LA in the three-year programme from June 2009.
    const slacEnd = dateBetween(rng, '2009-06-01', '2012-05-31');
    if (live(slacEnd)) {
      const safeguarding = socialCareGrade(rng, t.quality, [0.05, 0.45, 0.42]);
      const lac = socialCareGrade(rng, t.quality, [0.05, 0.5, 0.4]);
      inspections.push(
        row(la, 'slac', addDays(slacEnd, -11), slacEnd, {
          safeguarding,
          safeguarding_capacity: safeguarding === 'inadequate' ? 'adequate' : socialCareGrade(rng, t.quality, [0.1, 0.55, 0.33]),
          looked_after_children: lac,
          looked_after_children_capacity: socialCareGrade(rng, t.quality, [0.1, 0.55, 0.33]),
        }),
      );
    }

    if (rng.chance(0.4)) {
      const end = dateBetween(rng, '2007-01-01', until);
      if (live(end)) inspections.push(row(la, 'private-fostering', addDays(end, -4), end, { overall_effectiveness: socialCareGrade(rng, t.quality, [0.05, 0.45, 0.4]) }));
    }
    const reviews = rng.int(0, 2);
    const used = new Set<string>();
    for (let i = 0; i < reviews; i++) {
      const end = dateBetween(rng, '2008-01-01', until);
      if (!live(end) || used.has(end)) continue;
      used.add(end);
      inspections.push(row(la, 'scr-evaluation', end, end, { overall_effectiveness: socialCareGrade(rng, t.quality, [0.02, 0.18, 0.6]) }));
    }
  }
  return { inspections, findings };
}
