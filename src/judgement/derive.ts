import type { AssessmentGrade } from '../domain/grade.ts';
import { JUDGEMENT_LABEL } from '../domain/judgement.ts';
import { LA_INSPECTION_LABEL } from '../domain/la-inspection.ts';
import type { CutOffs, Framework, LimitingRule, RuleCondition } from '../frameworks/types.ts';
import type { LaProfile } from '../profile/profile.ts';
import { calibratedGrade, contributionLines } from '../calibration/score.ts';
import type { CalibratedGrade } from '../calibration/score.ts';
import { gradeApaAreas } from './apa.ts';
import type { GradedArea } from './apa.ts';

/**
 * The derived grade: a provisional grade from the profile by the framework's cut-offs, then its limiting rules, each
 * that fires recorded with the evidence that made it fire. Pure: the same profile and framework give the same
 * judgement and the same trace. The inspector's own judgement is stored apart and never overwrites this.
 */
// The bands live in bands.ts, so that apa.ts, which this module calls, can name them without importing it back.
export type { GroupBand, OutcomeBand } from './bands.ts';
import type { GroupBand, OutcomeBand } from './bands.ts';

export interface RuleFiring {
  readonly rule: Pick<LimitingRule, 'id' | 'title' | 'source' | 'reconstruction'>;
  readonly before: AssessmentGrade;
  readonly after: AssessmentGrade;
  readonly evidence: readonly string[];
}

export interface TraceStep {
  readonly step: 'framework' | 'block-a' | 'block-c' | 'areas' | 'provisional' | 'calibrated' | 'rule' | 'derived';
  readonly text: string;
  readonly evidence: readonly string[];
}

export type Derivation =
  | {
      readonly ok: true;
      readonly framework: Framework['id'];
      readonly blockA: { readonly bands: readonly GroupBand[]; readonly mean: number | null };
      readonly blockC: { readonly outcomes: readonly OutcomeBand[]; readonly band: AssessmentGrade | null };
      /** The APA's graded areas (2006); empty for a profile-blocks year. */
      readonly areas: readonly GradedArea[];
      /** The grade before any limiting rule: the calibrated method's where the framework has one, else the cut-offs'. */
      readonly provisional: AssessmentGrade;
      /** What the 2011 method's fixed cut-offs give from Blocks A and C, before any rule: `provisional` unless calibrated. */
      readonly byCutOffs: AssessmentGrade;
      /** The calibrated grade, its score and each piece of evidence's contribution; `null` for a framework without one. */
      readonly calibrated: CalibratedGrade | null;
      readonly derived: AssessmentGrade;
      readonly fired: readonly RuleFiring[];
      readonly trace: readonly TraceStep[];
    }
  | { readonly ok: false; readonly framework: Framework['id']; readonly reason: string };

const settle = (x: number): number => Math.round(x * 1e6) / 1e6;
const clamp = (n: number): AssessmentGrade => Math.min(4, Math.max(1, Math.round(n))) as AssessmentGrade;

function band(value: number, cut: CutOffs['blockA']): AssessmentGrade {
  return value >= cut[4] ? 4 : value >= cut[3] ? 3 : value >= cut[2] ? 2 : 1;
}

const pct = (x: number) => `${Math.round(x * 100)}%`;

export function blockABands(profile: LaProfile, cutOffs: CutOffs): GroupBand[] {
  const groups = profile.blockA.flatMap((row) =>
    row.la.shares.goodOrBetter === null
      ? []
      : [{ group: row.group.id, label: row.group.label, goodOrBetter: row.la.shares.goodOrBetter, inspected: row.la.tally.inspected, band: band(row.la.shares.goodOrBetter, cutOffs.blockA) }],
  );
  const shares = (profile.blockAShares ?? []).flatMap((row): GroupBand[] =>
    row.share === null || row.period === null
      ? []
      : [{ group: row.group.id, label: row.group.label, goodOrBetter: row.share, inspected: 0, band: band(row.share, cutOffs.blockA), share: { indicator: row.group.indicator, period: row.period.original } }],
  );
  return [...groups, ...shares];
}

export function outcomeBands(profile: LaProfile, framework: Framework): OutcomeBand[] {
  return framework.blockCOutcomes.flatMap((outcome) => {
    let better = 0;
    let inLine = 0;
    let worse = 0;
    for (const row of profile.blockC.filter((r) => r.indicator.ecmOutcome === outcome)) {
      for (const c of [row.latest?.similarAreas, row.latest?.england]) {
        if (!c?.verdict) continue;
        if (c.verdict === 'better') better++;
        else if (c.verdict === 'worse') worse++;
        else inLine++;
      }
    }
    const compared = better + inLine + worse;
    if (compared === 0) return [];
    const net = (better - worse) / compared;
    return [{ outcome, better, inLine, worse, net, band: band(net, framework.cutOffs.blockC) }];
  });
}

/** Whether a rule's condition holds, and the evidence (in words, with dates) if it does. */
export function conditionEvidence(condition: RuleCondition, profile: LaProfile, outcomes: readonly OutcomeBand[]): string[] | null {
  switch (condition.kind) {
    case 'priority-actions': {
      // The unannounced inspection of the assessment year: one ending after last year's profile date.
      const ucra = profile.blockB.find((b) => b.kind === 'ucra')?.latest;
      if (!ucra || ucra.endDate <= profile.framework.previousProfileDate) return null;
      const n = ucra.priorityActionCount ?? ucra.findings.filter((f) => f.kind === 'area-for-priority-action').length;
      if (n < condition.atLeast) return null;
      return [`${LA_INSPECTION_LABEL.ucra} ending ${ucra.endDate}: ${n} area${n === 1 ? '' : 's'} for priority action`, ...ucra.findings.filter((f) => f.kind === 'area-for-priority-action').map((f) => `  "${f.text}"`)];
    }
    case 'la-judgement': {
      const inspection = profile.blockB.find((b) => b.kind === condition.inspection)?.latest;
      const judgement = inspection?.judgements[condition.judgement];
      if (!inspection || judgement !== condition.is) return null;
      return [`${LA_INSPECTION_LABEL[condition.inspection]} ending ${inspection.endDate}: ${condition.judgement.replaceAll('-', ' ')} ${JUDGEMENT_LABEL[judgement]}`];
    }
    case 'la-overall': {
      const inspection = profile.blockB.find((b) => b.kind === condition.inspection)?.latest;
      if (!inspection || inspection.overall !== condition.is) return null;
      return [`${LA_INSPECTION_LABEL[condition.inspection]} ending ${inspection.endDate}: overall effectiveness ${JUDGEMENT_LABEL[inspection.overall]}`];
    }
    case 'current-overall': {
      const current = profile.blockBSuccession?.latest;
      if (!current || current.kind !== condition.inspection || current.overall !== condition.is) return null;
      return [`${LA_INSPECTION_LABEL[current.kind]} ending ${current.endDate}: overall effectiveness ${JUDGEMENT_LABEL[current.overall]}, the judgement in force at ${profile.framework.profileDate} (no later inspection of the LA's children's services)`];
    }
    case 'outcome-band': {
      const low = outcomes.filter((o) => condition.outcomes.includes(o.outcome) && o.band <= condition.atMost);
      if (low.length === 0) return null;
      return low.map((o) => `${o.outcome.replaceAll('-', ' ')} indicators in band ${o.band}: ${o.better} better, ${o.inLine} in line, ${o.worse} worse than comparators`);
    }
  }
}

export function derive(profile: LaProfile, framework: Framework): Derivation {
  const outcomes = outcomeBands(profile, framework);
  const start = framework.method === 'apa-outcomes' ? provisionalFromAreas(profile, framework, outcomes) : provisionalFromBlocks(profile, framework, outcomes);
  if (!start.ok) return { ok: false, framework: framework.id, reason: start.reason };
  const trace: TraceStep[] = [
    {
      step: 'framework',
      text: `Framework ${framework.id}${framework.inherits ? `, inheriting ${framework.inherits}` : ''}: evidence at ${framework.profileDate}`,
      evidence: framework.changes.map((c) => (c.startsWith('analyst setting') ? c : `changed this year: ${c}`)),
    },
    // Where the calibrated method gives the grade, the cut-offs' provisional grade is shown as what it is.
    ...start.trace.map((t) => (framework.calibration && t.step === 'provisional' ? { ...t, text: t.text.replace(/^Provisional grade/, "The 2011 method's cut-offs give") } : t)),
  ];
  // Today's years: the calibrated method gives the grade; the 2011 cut-offs' grade stays in the trace beside it.
  const calibrated = framework.calibration ? calibratedGrade(profile, framework.calibration) : null;
  if (calibrated && framework.calibration) {
    const c = framework.calibration;
    trace.push({
      step: 'calibrated',
      text: `Calibrated grade ${calibrated.grade} (the 2011 cut-offs give ${start.provisional}): evidence weighed as fitted on ${c.trainingSet.inspections.length} ILACS inspections ending before ${c.trainingSet.endedBefore}, fitted ${c.fittedOn}`,
      evidence: contributionLines(calibrated),
    });
  }
  let grade = calibrated ? calibrated.grade : start.provisional;
  const fired: RuleFiring[] = [];
  for (const rule of framework.limitingRules) {
    const evidence = conditionEvidence(rule.when, profile, outcomes);
    if (evidence === null) continue;
    const after = rule.effect.kind === 'cap' ? (Math.min(grade, rule.effect.grade) as AssessmentGrade) : clamp(grade - rule.effect.by);
    fired.push({ rule: { id: rule.id, title: rule.title, source: rule.source, reconstruction: rule.reconstruction }, before: grade, after, evidence });
    trace.push({ step: 'rule', text: `${rule.title}${after < grade ? `: ${grade} → ${after}` : ' (no change: already at or below)'}${rule.reconstruction ? ' [reconstruction]' : ''}`, evidence: [...evidence, `source: ${rule.source}`] });
    grade = after;
  }
  trace.push({ step: 'derived', text: `Derived grade ${grade}: ${framework.scale.find((s) => s.grade === grade)?.label ?? grade}`, evidence: [] });
  return { ok: true, framework: framework.id, blockA: start.blockA, blockC: { outcomes, band: start.cBand }, areas: start.areas, provisional: calibrated ? calibrated.grade : start.provisional, byCutOffs: start.provisional, calibrated, derived: grade, fired, trace };
}

type Start =
  | { ok: true; provisional: AssessmentGrade; blockA: { bands: readonly GroupBand[]; mean: number | null }; cBand: AssessmentGrade | null; areas: readonly GradedArea[]; trace: readonly TraceStep[] }
  | { ok: false; reason: string };

function blockCBand(outcomes: readonly OutcomeBand[], cutOffs: CutOffs): AssessmentGrade | null {
  const compared = outcomes.reduce((s, o) => s + o.better + o.inLine + o.worse, 0);
  return compared === 0 ? null : band(outcomes.reduce((s, o) => s + o.better - o.worse, 0) / compared, cutOffs.blockC);
}

function blockCStep(outcomes: readonly OutcomeBand[], cBand: AssessmentGrade | null): TraceStep {
  return {
    step: 'block-c',
    text: cBand === null ? 'Block C: no indicators compared' : `Block C: band ${cBand}`,
    evidence: outcomes.map((o) => `${o.outcome.replaceAll('-', ' ')}: ${o.better} better, ${o.inLine} in line, ${o.worse} worse → band ${o.band}`),
  };
}

/** 2006: each area graded, the overall contribution from the outcomes (apa.ts). */
function provisionalFromAreas(profile: LaProfile, framework: Framework, outcomes: readonly OutcomeBand[]): Start {
  const graded = gradeApaAreas(profile, framework, outcomes);
  if (!graded.ok) return graded;
  const cBand = blockCBand(outcomes, framework.cutOffs);
  return {
    ok: true,
    provisional: graded.overall,
    blockA: { bands: [], mean: null },
    cBand,
    areas: graded.areas,
    trace: [
      blockCStep(outcomes, cBand),
      { step: 'areas', text: `Graded areas: ${graded.areas.length}`, evidence: graded.areas.map((a) => `${a.label}: ${a.grade} (${a.basis})`) },
      { step: 'provisional', text: `Provisional grade ${graded.overall}: the contribution of the local authority's children's services`, evidence: [] },
    ],
  };
}

/** 2009-2011: Block A's bands, weighted by size, blended with Block C's band, Block A weighing more. */
function provisionalFromBlocks(profile: LaProfile, framework: Framework, outcomes: readonly OutcomeBand[]): Start {
  const bands = blockABands(profile, framework.cutOffs);
  const weight = (b: GroupBand) => (b.share ? 1 : Math.min(1, b.inspected / framework.cutOffs.fullWeightAt));
  const totalWeight = bands.reduce((s, b) => s + weight(b), 0);
  const aMean = bands.length === 0 ? null : bands.reduce((s, b) => s + b.band * weight(b), 0) / totalWeight;
  const cBand = blockCBand(outcomes, framework.cutOffs);
  if (aMean === null && cBand === null) {
    return { ok: false, reason: `no inspected settings and no compared indicators for ${profile.la.name} (${profile.la.code}) at ${framework.profileDate}` };
  }
  const w = framework.cutOffs.blockAWeight;
  // Settled to a millionth before it is rounded, so that a blend of exactly 2.5 reads 3 as documented: in binary,
  // 0.7 × 22/7 + 0.3 × 1 is 2.4999999999999996 (found by the what-if's tests, issue 16).
  const provisional = clamp(settle(aMean === null ? cBand! : cBand === null ? aMean : w * aMean + (1 - w) * cBand));
  return {
    ok: true,
    provisional,
    blockA: { bands, mean: aMean },
    cBand,
    areas: [],
    trace: [
      {
        step: 'block-a',
        text: aMean === null ? 'Block A: no inspected settings' : `Block A: weighted mean band ${aMean.toFixed(2)} over ${bands.length} groups`,
        evidence: bands.map((b) =>
          b.share
            ? `${b.label}: ${pct(b.goodOrBetter)} of the children (${b.share.indicator}, ${b.share.period}) → band ${b.band}`
            : `${b.label}: ${pct(b.goodOrBetter)} good or better of ${b.inspected} → band ${b.band}${weight(b) < 1 ? ` (weight ${weight(b)})` : ''}`,
        ),
      },
      blockCStep(outcomes, cBand),
      {
        step: 'provisional',
        text: `Provisional grade ${provisional}${aMean !== null && cBand !== null ? ` (Block A weighted ${w}, Block C ${Math.round((1 - w) * 100) / 100})` : ''}`,
        evidence: [],
      },
    ],
  };
}
