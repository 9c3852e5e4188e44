import { JUDGEMENT_LABEL, judgementRank } from '../domain/judgement.ts';
import type { LaInspection } from '../domain/la-inspection.ts';
import type { LaProfile } from '../profile/profile.ts';
import type { BlockCRow, PeriodFigures } from '../profile/block-c.ts';
import type { FeatureSpec } from './model.ts';

/**
 * What the calibrated method reads from an LA's profile, before any weight: each piece of evidence as one number
 * and the words that say what it is, so that the trace can name each contribution with its figure. Pure.
 *
 * Why these: studies of inspection grades (Hood and colleagues 2016; Wilkins and Antonopoulou 2018, 2020; La Valle
 * and colleagues 2016) find the previous inspection, the workforce (agency social workers, vacancies, turnover,
 * caseloads) and the timeliness of assessments carry what signal there is; the outcome indicators little. The
 * 2011 method's own Blocks A and C are kept in, each as one number, so the fit can say how much they add.
 */
export const FEATURE_SPECS: readonly FeatureSpec[] = [
  { kind: 'previous-grade', id: 'previous-grade', label: 'previous inspection' },
  { kind: 'previous-none', id: 'previous-none', label: 'no graded previous inspection' },
  { kind: 'indicator', id: 'agency', label: 'agency social workers', indicator: 'Work_Force_Agecy_Rate' },
  { kind: 'indicator', id: 'vacancies', label: 'social worker vacancies', indicator: 'Work_Force_Vac_Rate' },
  { kind: 'indicator', id: 'turnover', label: 'social worker turnover', indicator: 'Work_Force_TO_Rate' },
  { kind: 'indicator', id: 'caseload', label: 'average social worker caseload', indicator: 'Work_Force_AvgNumCase_SW' },
  { kind: 'indicator', id: 'assessments-on-time', label: 'assessments completed within 45 working days', indicator: 'Continue_Assess_Comp' },
  { kind: 'indicator', id: 'conferences-on-time', label: 'initial child protection conferences within 15 days', indicator: 'CP_conf_15days' },
  { kind: 'indicator', id: 're-referrals', label: 're-referrals within 12 months', indicator: 'ReReferral' },
  { kind: 'indicator', id: 'repeat-plans', label: 'repeat child protection plans', indicator: 'PrevRegCPR' },
  { kind: 'block-c-net', id: 'block-c', label: "Block C: indicators better than comparators, net" },
  { kind: 'block-a-net', id: 'block-a', label: 'Block A: settings good or better against England' },
];

/** One feature's raw value (before scaling) and what it says, or `null` where the profile has no figure for it. */
export interface RawFeature {
  readonly spec: FeatureSpec;
  /** `null` where there is no figure: the method then reads it as England's level (0), and says so. */
  readonly value: number | null;
  readonly figure: string;
}

const ILACS_LIKE: ReadonlySet<string> = new Set(['ilacs', 'sif']);

/** The LA's latest ILACS or SIF with an overall judgement in the profile's Block B, if any. */
export function previousInspection(profile: LaProfile): LaInspection | null {
  let latest: LaInspection | null = null;
  for (const entry of profile.blockB) {
    if (!ILACS_LIKE.has(entry.kind)) continue;
    const candidates = [entry.latest, entry.previous].filter((i): i is LaInspection => i !== null && i.overall !== null);
    for (const i of candidates) if (!latest || i.endDate > latest.endDate) latest = i;
  }
  return latest;
}

/** Kingsway's scale: 4 outstanding … 1 inadequate. */
const gradeOf = (inspection: LaInspection) => 5 - judgementRank(inspection.overall!);

/** The latest period with both the LA's figure and England's, within the last two of the series. */
function latestCompared(row: BlockCRow | undefined): PeriodFigures | null {
  if (!row) return null;
  const recent = row.series.slice(-2);
  for (let i = recent.length - 1; i >= 0; i--) {
    const p = recent[i]!;
    if (p.la.kind === 'number' && p.england) return p;
  }
  return null;
}

const fmt = (v: number) => (Math.abs(v) >= 100 ? v.toFixed(0) : Number(v.toFixed(1)).toString());

export function rawFeature(profile: LaProfile, spec: FeatureSpec): RawFeature {
  switch (spec.kind) {
    case 'previous-grade':
    case 'previous-none': {
      const previous = previousInspection(profile);
      const said = previous ? `${previous.kind === 'sif' ? 'single inspection framework' : 'ILACS'} ending ${previous.endDate}: ${JUDGEMENT_LABEL[previous.overall!]}` : 'no graded ILACS or SIF before it';
      if (spec.kind === 'previous-none') return { spec, value: previous ? 0 : 1, figure: said };
      return { spec, value: previous ? gradeOf(previous) - 2.5 : 0, figure: said };
    }
    case 'indicator': {
      const row = profile.blockC.find((r) => r.indicator.id === spec.indicator);
      const p = latestCompared(row);
      if (!row || !p || p.la.kind !== 'number' || !p.england) return { spec, value: null, figure: `no figure for ${spec.label}: read as England's` };
      const turn = row.indicator.polarity === 'lower-is-better' ? -1 : 1;
      // LAIT's units for these are shares ("% Agency Staff", "% completed to time") or counts ("Case Load").
      const unit = row.indicator.unit.trim().startsWith('%') ? '%' : '';
      return { spec, value: turn * p.england.difference, figure: `${fmt(p.la.value)}${unit} against England's ${fmt(p.england.comparator)}${unit} (${p.period.original})` };
    }
    case 'block-c-net': {
      let better = 0;
      let worse = 0;
      let compared = 0;
      for (const row of profile.blockC) {
        for (const c of [row.latest?.similarAreas, row.latest?.england]) {
          if (!c?.verdict) continue;
          compared++;
          if (c.verdict === 'better') better++;
          else if (c.verdict === 'worse') worse++;
        }
      }
      if (compared === 0) return { spec, value: null, figure: 'no indicator compared: read as level' };
      return { spec, value: (better - worse) / compared, figure: `${better} better, ${worse} worse, of ${compared} comparisons` };
    }
    case 'block-a-net': {
      let weighted = 0;
      let settings = 0;
      for (const row of profile.blockA) {
        const own = row.la.shares.goodOrBetter;
        const england = row.england?.shares.goodOrBetter ?? null;
        if (own === null || england === null || row.la.tally.inspected === 0) continue;
        weighted += row.la.tally.inspected * (own - england);
        settings += row.la.tally.inspected;
      }
      if (settings === 0) return { spec, value: null, figure: 'no settings inspected: read as level' };
      const diff = weighted / settings;
      return { spec, value: diff, figure: `${settings} setting${settings === 1 ? '' : 's'}, ${diff >= 0 ? '+' : '−'}${Math.abs(Math.round(diff * 100))} points against England` };
    }
  }
}

export function rawFeatures(profile: LaProfile, specs: readonly FeatureSpec[] = FEATURE_SPECS): RawFeature[] {
  return specs.map((spec) => rawFeature(profile, spec));
}
