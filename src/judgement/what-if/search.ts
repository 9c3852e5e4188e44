import type { AssessmentGrade } from '../../domain/grade.ts';
import type { LaInspection } from '../../domain/la-inspection.ts';
import type { LaJudgementName } from '../../domain/la-inspection.ts';
import { JUDGEMENT_LABEL, judgementRank } from '../../domain/judgement.ts';
import type { EcmOutcome } from '../../domain/indicator.ts';
import type { Framework, LimitingRule } from '../../frameworks/types.ts';
import type { BlockARow } from '../../profile/block-a.ts';
import type { BlockCRow } from '../../profile/block-c.ts';
import { areaKey, compare, tolerance } from '../../profile/block-c.ts';
import type { LaProfile, ProfileRun } from '../../profile/profile.ts';
import type { Derivation, RuleFiring, TraceStep } from '../derive.ts';
import { conditionEvidence, derive, outcomeBands } from '../derive.ts';
import type { Change, Direction } from './changes.ts';
import { applyChanges, blockOf, changedInspection, changeText, countWords, decimalsOf, laInspectionsOf, movable, nextJudgement, rowWithFigure, settingsChange, sizeOf } from './changes.ts';
import type { Position } from './position.ts';
import { positionOf } from './position.ts';
import { plausibleStep } from './steps.ts';

/**
 * What would move an LA's grade: how far its position stands from each grade boundary, and the smallest changes of
 * each kind (changes.ts) that would move its derived grade up or down, each recomputed by `derive` from the changed
 * profile. The search only proposes; every grade reported is the engine's. Pure.
 *
 * Per kind of change, smallest means:
 * - an LA inspection: one finding resolved or arising, or one judgement one grade better or worse (size 1 each);
 * - one Block A group: the fewest of its settings reinspected. Under the 2009-2011 blend a group counts only through
 *   its band, so the counts at which its band changes are tried, nearest first; under today's calibrated method, by
 *   bisection over the count (the score is monotone in it);
 * - Block A across groups: the fewest settings over any groups. Under the 2009-2011 blend, Block A's mean is a sum
 *   over groups of each group's band, so the fewest are found exactly from each group's costs of reaching each band
 *   (a Pareto search over groups); under today's calibrated method each setting adds the same to the score wherever
 *   it is, so the fewest are the fewest over all the groups' settings together;
 * - Block C: the fewest indicators moved, each by the smallest step that gains it the most comparisons within a
 *   plausible step (steps.ts), taking those that gain most first; over all indicators, and over the indicators of
 *   each ECM outcome a limiting rule reads.
 * Changes of different kinds are not combined: each scenario is one kind, so it says what that kind alone would do.
 */
type Derived = Extract<Derivation, { ok: true }>;

export interface Scenario {
  readonly direction: Direction;
  /** The block of the scenario's main change. */
  readonly block: 'A' | 'B' | 'C';
  /** Every block the changes are in, in the order they are made (a lifted rule's first). */
  readonly blocks: readonly ('A' | 'B' | 'C')[];
  /** Each change in words, with the settings it names and the figures it moves. */
  readonly details: readonly string[];
  /** The limiting rules a first change lifts before the main one (those changes lead `changes`); empty for most. */
  readonly lifted: readonly string[];
  readonly changes: readonly Change[];
  /** Settings reinspected, indicators moved, or findings: the unit of the scenario's block. */
  readonly size: number;
  /** The derived grade after the changes, as `derive` gives it. */
  readonly grade: AssessmentGrade;
  readonly gradeLabel: string;
  /** What moved, in words: Block A's mean, Block C's band, the score, the rules that fired or no longer fire. */
  readonly effects: readonly string[];
  /** The new grade's trace, from `derive`. */
  readonly trace: readonly TraceStep[];
  readonly fired: readonly string[];
  readonly position: Position | null;
  /** "2 more settings of primary schools reinspected and judged good would raise the grade to 4 (performs excellently)." */
  readonly text: string;
}

export type WhatIf =
  | {
      readonly ok: true;
      readonly la: { readonly code: string; readonly name: string };
      readonly year: number;
      readonly framework: Framework['id'];
      readonly grade: AssessmentGrade;
      readonly gradeLabel: string;
      readonly position: Position | null;
      /** The limiting rules that lowered the grade below what the position gives. */
      readonly binding: readonly RuleFiring[];
      readonly up: readonly Scenario[];
      readonly down: readonly Scenario[];
      /** Why a direction has no scenario, or what the search could not try. */
      readonly notes: readonly string[];
    }
  | { readonly ok: false; readonly la: { readonly code: string; readonly name: string }; readonly year: number; readonly reason: string };

export interface WhatIfOptions {
  /** Scenarios kept per direction, smallest first. */
  readonly limit?: number;
  /** The most indicators a Block C scenario moves. */
  readonly maxIndicators?: number;
}

const DEFAULTS = { limit: 6, maxIndicators: 25 } as const;

export function whatIf(run: ProfileRun, profile: LaProfile, options: WhatIfOptions = {}): WhatIf {
  const framework = run.framework;
  const la = { code: profile.la.code, name: profile.la.name };
  const base = derive(profile, framework);
  if (!base.ok) return { ok: false, la, year: framework.year, reason: base.reason };
  const search = new Search(run, profile, base, { ...DEFAULTS, ...options });
  const notes: string[] = [];
  const up = base.derived === 4 ? (notes.push('The grade is the top of the scale: nothing can raise it.'), []) : search.scenarios('up');
  const down = base.derived === 1 ? (notes.push('The grade is the bottom of the scale: nothing can lower it.'), []) : search.scenarios('down');
  if (base.derived < 4 && up.length === 0) notes.push('No change of the kinds considered, each within a plausible step, would raise the grade on its own.');
  if (base.derived > 1 && down.length === 0) notes.push('No change of the kinds considered, each within a plausible step, would lower the grade on its own.');
  return {
    ok: true,
    la,
    year: framework.year,
    framework: framework.id,
    grade: base.derived,
    gradeLabel: labelOf(framework, base.derived),
    position: positionOf(base, framework),
    binding: base.fired.filter((f) => f.after < f.before),
    up,
    down,
    notes,
  };
}

const labelOf = (framework: Framework, grade: AssessmentGrade) => framework.scale.find((s) => s.grade === grade)?.label ?? String(grade);

class Search {
  private readonly run: ProfileRun;
  private readonly profile: LaProfile;
  private readonly base: Derived;
  private readonly options: Required<WhatIfOptions>;
  private readonly framework: Framework;
  private readonly own: readonly LaInspection[];
  /** Where the profile searched from stands: the LA's own, or its profile with `prefix` made. */
  private readonly basePosition: Position | null;
  /** Changes already made to the profile searched from (a limiting rule lifted), which every scenario includes. */
  private readonly prefix: readonly Change[];
  private readonly lifted: readonly string[];

  /**
   * `base` is the LA's own derivation, which every scenario is a move from; `profile` is the profile to change, the
   * LA's own or, for a search on top of lifted rules, the LA's with `prefix` made (whose derivation is `start`).
   */
  constructor(run: ProfileRun, profile: LaProfile, base: Derived, options: Required<WhatIfOptions>, prefix: readonly Change[] = [], lifted: readonly string[] = [], start: Derived = base) {
    this.run = run;
    this.profile = profile;
    this.base = base;
    this.options = options;
    this.framework = run.framework;
    this.own = prefix.some((c) => blockOf(c) === 'B') ? laInspectionsOf(run, profile).map((i) => liftedInspection(i, prefix)) : laInspectionsOf(run, profile);
    this.basePosition = positionOf(start, this.framework);
    this.prefix = prefix;
    this.lifted = lifted;
  }

  scenarios(direction: Direction): Scenario[] {
    const found = [...this.blockB(direction), ...this.blockA(direction), ...this.blockC(direction)];
    // A rule that fires holds the grade down however far the rest rises (Stoke-on-Trent 2011: Block C's enjoying and
    // achieving band caps it at performs adequately): lift each, by its smallest change, then search again on top.
    if (direction === 'up' && this.prefix.length === 0) {
      const lift = this.liftRules();
      if (lift) {
        const lifted = applyChanges(this.run, this.profile, lift.changes, this.own);
        const start = derive(lifted, this.framework);
        // Lifting alone may move the grade: then that is the scenario, and anything on top would be more than needed.
        if (this.moves(start, 'up')) found.push(this.scenario('up', lift.changes, start, lift.rules));
        else if (start.ok) found.push(...new Search(this.run, lifted, this.base, this.options, lift.changes, lift.rules, start).scenarios('up'));
      }
    }
    const seen = new Set<string>();
    const order = { B: 0, A: 1, C: 2 } as const;
    return found
      .sort((a, b) => a.size - b.size || order[a.block] - order[b.block] || a.text.localeCompare(b.text))
      .filter((s) => {
        const key = JSON.stringify(s.changes);
        if (seen.has(key)) return false;
        seen.add(key);
        return true;
      })
      .slice(0, this.options.limit);
  }

  /** One group's settings changed, derived: asked for by the per-group search and the search across groups alike. */
  private readonly byCount = new Map<string, Derivation>();
  private settingsAt(row: BlockARow, direction: Direction, n: number): Derivation {
    const key = `${row.group.id} ${direction} ${n}`;
    let d = this.byCount.get(key);
    if (!d) this.byCount.set(key, (d = this.evaluate([settingsChange(row, direction, n, this.profile.framework.profileDate)])));
    return d;
  }

  private evaluate(changes: readonly Change[]): Derivation {
    return derive(applyChanges(this.run, this.profile, changes, this.own), this.framework);
  }

  private moves(d: Derivation, direction: Direction): d is Derived {
    return d.ok && (direction === 'up' ? d.derived > this.base.derived : d.derived < this.base.derived);
  }

  /** A scenario of `main` on top of the search's prefix; or, given the rules it lifts, a lift that moves the grade alone. */
  private scenario(direction: Direction, main: readonly Change[], d: Derived, liftsAlone: readonly string[] | null = null): Scenario {
    const label = labelOf(this.framework, d.derived);
    const changes = [...this.prefix, ...main];
    const lifted = liftsAlone ?? this.lifted;
    const what = liftsAlone ? `${summaryOf(main)}, so that ${liftsAlone.length === 1 ? 'the limiting rule no longer applies' : 'the limiting rules no longer apply'},` : this.prefix.length > 0 ? `${summaryOf(this.prefix)}, so that ${this.lifted.length === 1 ? 'the limiting rule no longer applies' : 'the limiting rules no longer apply'}, and ${summaryOf(main)}` : summaryOf(main);
    const verb = direction === 'up' ? 'raise' : 'lower';
    return {
      direction,
      block: blockOf(main[0]!),
      blocks: [...new Set(changes.map(blockOf))],
      lifted,
      changes,
      details: changes.map(changeText),
      size: sizeOf(changes),
      grade: d.derived,
      gradeLabel: label,
      effects: effects(this.base, d, this.framework),
      trace: d.trace,
      fired: d.fired.map((f) => f.rule.id),
      position: positionOf(d, this.framework),
      text: `${capitalise(what)} would ${verb} the grade to ${d.derived} (${label.toLowerCase()}).`,
    };
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Block B: one finding or judgement of one of the LA's inspections.

  private blockB(direction: Direction): Scenario[] {
    const out: Scenario[] = [];
    const gaining: { change: Change; gain: number }[] = [];
    for (const change of this.inspectionChanges(direction)) {
      const d = this.evaluate([change]);
      if (this.moves(d, direction)) out.push(this.scenario(direction, [change], d));
      else if (d.ok && this.basePosition) {
        const p = positionOf(d, this.framework);
        const gain = p ? (direction === 'up' ? p.value - this.basePosition.value : this.basePosition.value - p.value) : 0;
        if (gain > 1e-9) gaining.push({ change, gain });
      }
    }
    // Several judgements together (2006: a joint area review's outcome grades are the APA's), those moving most first.
    if (out.length === 0 && gaining.length >= 2) {
      const ordered = gaining.sort((a, b) => b.gain - a.gain).map((g) => g.change);
      const found = this.shortestPrefix(ordered, direction);
      if (found) out.push(this.scenario(direction, found.changes, found.derivation));
    }
    return out;
  }

  /** The shortest prefix of changes that moves the grade, by bisection (each change only adds to what the others do). */
  private shortestPrefix(ordered: readonly Change[], direction: Direction): { changes: readonly Change[]; derivation: Derived } | null {
    const at = (k: number) => this.evaluate(ordered.slice(0, k));
    if (!this.moves(at(ordered.length), direction)) return null;
    let lo = 1;
    let hi = ordered.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.moves(at(mid), direction)) hi = mid;
      else lo = mid + 1;
    }
    const d = at(hi);
    return this.moves(d, direction) ? { changes: ordered.slice(0, hi), derivation: d } : null;
  }

  /**
   * The smallest change that stops each limiting rule that holds the grade from firing (one that lowers it, or caps it
   * at or below where it is: a cap above the grade now does not stop it rising one), made one rule after another: an LA
   * inspection's finding or judgement for a rule on Block B, the fewest indicators of the outcome for a rule on an
   * outcome's band. `null` if any cannot be lifted, or none fires.
   */
  private liftRules(): { changes: readonly Change[]; rules: readonly string[] } | null {
    if (this.base.fired.length === 0) return null;
    let changes: Change[] = [];
    const rules: string[] = [];
    const still = (rule: LimitingRule, list: readonly Change[]) => {
      const p = applyChanges(this.run, this.profile, list, this.own);
      return conditionEvidence(rule.when, p, outcomeBands(p, this.framework)) !== null;
    };
    for (const fired of this.base.fired) {
      const rule = this.framework.limitingRules.find((r) => r.id === fired.rule.id);
      if (!rule) return null;
      // Only a rule that would stop the grade rising one grade: one lowering it, or a cap at or below the grade now.
      if (rule.effect.kind === 'cap' && rule.effect.grade > this.base.derived) continue;
      if (!still(rule, changes)) continue;
      let lift: readonly Change[] | null = null;
      if (rule.when.kind === 'outcome-band') {
        const outcomes: readonly EcmOutcome[] = rule.when.outcomes;
        const moved = new Set(changes.flatMap((c) => (c.kind === 'indicator-moves' ? [c.indicator] : [])));
        const ordered = this.indicatorMoves('up').filter((m) => m.outcome !== null && outcomes.includes(m.outcome) && !moved.has((m.change as { indicator: string }).indicator)).map((m) => m.change);
        if (ordered.length > 0 && !still(rule, [...changes, ...ordered])) {
          let lo = 1;
          let hi = ordered.length;
          while (lo < hi) {
            const mid = (lo + hi) >>> 1;
            if (!still(rule, [...changes, ...ordered.slice(0, mid)])) hi = mid;
            else lo = mid + 1;
          }
          lift = ordered.slice(0, hi);
        }
      } else {
        const one = this.inspectionChanges('up').find((c) => !still(rule, [...changes, c]));
        if (one) lift = [one];
      }
      if (!lift) return null;
      changes = [...changes, ...lift];
      rules.push(rule.id);
    }
    return rules.length === 0 ? null : { changes, rules };
  }

  private inspectionChanges(direction: Direction): Change[] {
    const changes: Change[] = [];
    for (const entry of this.profile.blockB) {
      const latest = entry.latest;
      if (!latest) continue;
      if (latest.kind === 'ucra' && latest.endDate > this.profile.framework.previousProfileDate) {
        const n = latest.priorityActionCount ?? latest.findings.filter((f) => f.kind === 'area-for-priority-action').length;
        if (direction === 'up' && n > 0) changes.push({ kind: 'priority-actions-resolved', inspection: 'ucra', endDate: latest.endDate, count: n });
        if (direction === 'down') changes.push({ kind: 'priority-action-found', inspection: 'ucra', endDate: latest.endDate });
      }
      const judged: [LaJudgementName | 'overall', NonNullable<LaInspection['overall']>][] = [];
      if (latest.overall) judged.push(['overall', latest.overall]);
      for (const [name, j] of Object.entries(latest.judgements) as [LaJudgementName, LaInspection['overall']][]) if (j) judged.push([name, j]);
      for (const [judgement, from] of judged) {
        const to = nextJudgement(from, direction, latest.kind);
        if (to) changes.push({ kind: 'la-judgement', inspection: latest.kind, endDate: latest.endDate, judgement, from, to });
      }
    }
    return changes;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Block A

  private groups(): BlockARow[] {
    return this.profile.blockA.filter((row) => row.la.shares.goodOrBetter !== null && row.la.tally.inspected > 0);
  }

  private blockA(direction: Direction): Scenario[] {
    const out: Scenario[] = [];
    const date = this.profile.framework.profileDate;
    for (const row of this.groups()) {
      const available = movable(row, direction);
      if (available === 0) continue;
      const at = (n: number) => this.settingsAt(row, direction, n);
      if (!this.framework.calibration) {
        // The 2009-2011 grade reads a group only through its band: the smallest count that moves the grade is one at
        // which the band changes, so only those counts need deriving.
        for (const n of this.bandCosts(row, direction)) {
          const d = at(n);
          if (this.moves(d, direction)) {
            out.push(this.scenario(direction, [settingsChange(row, direction, n, date)], d));
            break;
          }
        }
        continue;
      }
      const all = at(available);
      if (!this.moves(all, direction)) continue;
      // Today's score is monotone in the count: the smallest count that moves the grade, by bisection.
      let lo = 1;
      let hi = available;
      let best: Derived = all;
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        const d = at(mid);
        if (this.moves(d, direction)) {
          hi = mid;
          best = d;
        } else lo = mid + 1;
      }
      out.push(this.scenario(direction, [settingsChange(row, direction, hi, date)], best));
    }
    const across = this.framework.calibration ? this.acrossGroupsPooled(direction) : this.acrossGroupsByBand(direction);
    const single = Math.min(...out.map((s) => s.size));
    if (across && across.size < single) out.push(across);
    return out;
  }

  /** 2009-2011: Block A's mean is a sum of group bands, so the fewest settings over groups is a Pareto search over each group's cost of each band. */
  private acrossGroupsByBand(direction: Direction): Scenario | null {
    if (!this.basePosition) return null;
    const date = this.profile.framework.profileDate;
    const baseValue = this.basePosition.value;
    type Pick = { readonly row: BlockARow; readonly count: number };
    type Entry = { readonly cost: number; readonly gain: number; readonly picks: readonly Pick[] };
    let frontier: Entry[] = [{ cost: 0, gain: 0, picks: [] }];
    for (const row of this.groups()) {
      const options = this.bandCosts(row, direction).flatMap((count) => {
        const d = this.settingsAt(row, direction, count);
        const p = d.ok ? positionOf(d, this.framework) : null;
        const gain = p ? (direction === 'up' ? p.value - baseValue : baseValue - p.value) : 0;
        return gain > 1e-9 ? [{ count, gain }] : [];
      });
      if (options.length === 0) continue;
      const next: Entry[] = [...frontier];
      for (const e of frontier) for (const o of options) next.push({ cost: e.cost + o.count, gain: e.gain + o.gain, picks: [...e.picks, { row, count: o.count }] });
      next.sort((a, b) => a.cost - b.cost || b.gain - a.gain);
      frontier = [];
      let bestGain = -1;
      for (const e of next) if (e.gain > bestGain + 1e-12) (frontier.push(e), (bestGain = e.gain));
      frontier = frontier.slice(0, 400);
    }
    let tried = 0;
    for (const e of frontier) {
      if (e.picks.length < 2) continue;
      if (tried++ >= 40) break;
      const changes = e.picks.map((p) => settingsChange(p.row, direction, p.count, date));
      const d = this.evaluate(changes);
      if (this.moves(d, direction)) return this.scenario(direction, changes, d);
    }
    return null;
  }

  /** The counts of a group's settings at which its band changes, in the direction asked, nearest first. */
  private bandCosts(row: BlockARow, direction: Direction): number[] {
    const cut = this.framework.cutOffs.blockA;
    const n = row.la.tally.inspected;
    const good = row.la.tally.outstanding + row.la.tally.good;
    const available = movable(row, direction);
    const counts: number[] = [];
    for (const threshold of [cut[2], cut[3], cut[4]]) {
      if (direction === 'up') {
        if (good / n >= threshold) continue;
        let k = Math.max(1, Math.ceil(threshold * n - good - 1e-9));
        while ((good + k) / n < threshold) k++;
        if (k <= available) counts.push(k);
      } else {
        if (good / n < threshold) continue;
        let k = Math.max(1, Math.floor(good - threshold * n + 1e-9));
        while (k > 1 && (good - (k - 1)) / n < threshold) k--;
        while ((good - k) / n >= threshold) k++;
        if (k <= available) counts.push(k);
      }
    }
    return [...new Set(counts)].sort((a, b) => a - b);
  }

  /** Today's calibrated method: each setting adds the same to the score, so the fewest are the fewest over all groups together. */
  private acrossGroupsPooled(direction: Direction): Scenario | null {
    const date = this.profile.framework.profileDate;
    const rows = this.groups()
      .map((row) => ({ row, available: movable(row, direction) }))
      .filter((r) => r.available > 0)
      .sort((a, b) => b.available - a.available || a.row.group.id.localeCompare(b.row.group.id));
    if (rows.length < 2) return null;
    const take = (total: number): Change[] => {
      const changes: Change[] = [];
      let left = total;
      for (const r of rows) {
        if (left === 0) break;
        const k = Math.min(left, r.available);
        changes.push(settingsChange(r.row, direction, k, date));
        left -= k;
      }
      return changes;
    };
    const total = rows.reduce((s, r) => s + r.available, 0);
    const all = this.evaluate(take(total));
    if (!this.moves(all, direction)) return null;
    let lo = 1;
    let hi = total;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (this.moves(this.evaluate(take(mid)), direction)) hi = mid;
      else lo = mid + 1;
    }
    const changes = take(hi);
    if (changes.length < 2) return null;
    const d = this.evaluate(changes);
    return this.moves(d, direction) ? this.scenario(direction, changes, d) : null;
  }

  // -------------------------------------------------------------------------------------------------------------------
  // Block C

  private blockC(direction: Direction): Scenario[] {
    const moves = this.indicatorMoves(direction);
    if (moves.length === 0) return [];
    const scopes: (EcmOutcome | null)[] = [null];
    for (const rule of this.framework.limitingRules) if (rule.when.kind === 'outcome-band') for (const o of rule.when.outcomes) if (!scopes.includes(o)) scopes.push(o);
    const out: Scenario[] = [];
    for (const scope of scopes) {
      const ordered = moves.filter((m) => scope === null || m.outcome === scope).slice(0, this.options.maxIndicators);
      if (ordered.length === 0) continue;
      const found = this.shortestPrefix(ordered.map((m) => m.change), direction);
      if (!found) continue;
      const { changes: chosen, derivation: d } = found;
      const hi = chosen.length;
      const smaller = this.framework.calibration ? this.shrunk(chosen, direction) : null;
      out.push(smaller ? this.scenario(direction, smaller.changes, smaller.derivation) : this.scenario(direction, chosen, d));
      // Where one indicator alone is enough, the next few that alone are enough too.
      if (hi === 1) {
        for (const m of ordered.slice(1, 4)) {
          const one = this.evaluate([m.change]);
          if (this.moves(one, direction)) out.push(this.scenario(direction, [m.change], one));
        }
      }
    }
    return out;
  }

  /**
   * Today's calibrated method reads each feature indicator as a figure, so its moves are whole steps: the same
   * indicators moved by the smallest common share of their moves that still moves the grade (by bisection, to a
   * sixty-fourth), each on its figure's grid. `null` where no smaller share does.
   */
  private shrunk(changes: readonly Change[], direction: Direction): { changes: readonly Change[]; derivation: Derived } | null {
    const scaled = (t: number): Change[] =>
      changes.map((c) => {
        if (c.kind !== 'indicator-moves') return c;
        const decimals = c.published.split('.')[1]?.length ?? 0;
        const raw = c.from + t * (c.to - c.from);
        const q = 10 ** -Math.max(decimals, decimalsOf(String(c.from), c.from));
        // On the grid, rounded away from the figure so that the share asked for is reached, never past the whole move.
        const onGrid = c.to > c.from ? Math.min(c.to, Math.ceil(settle(raw / q)) * q) : Math.max(c.to, Math.floor(settle(raw / q)) * q);
        const to = Number(onGrid.toFixed(10));
        return { ...c, to, published: String(Number(to.toFixed(Math.max(decimals, decimalsOf(String(c.from), c.from))))) };
      });
    let lo = 0;
    let hi = 1;
    let best: { changes: Change[]; derivation: Derived } | null = null;
    for (let i = 0; i < 6; i++) {
      const mid = (lo + hi) / 2;
      const list = scaled(mid);
      const d = this.evaluate(list);
      if (this.moves(d, direction)) {
        hi = mid;
        best = { changes: list, derivation: d };
      } else lo = mid;
    }
    return best;
  }

  /**
   * Each indicator's best move in the direction, within its plausible step: the smallest move that gains it as many
   * comparisons as the whole step would, or, for an indicator today's calibrated method reads as a figure, the whole
   * step. Ordered by comparisons gained, then by how much of its step the move uses.
   */
  private indicatorMoves(direction: Direction): { change: Change; outcome: EcmOutcome | null; gained: number; share: number }[] {
    const features = new Set(this.framework.calibration?.features.flatMap((f) => (f.spec.kind === 'indicator' ? [f.spec.indicator] : [])) ?? []);
    const out: { change: Change; outcome: EcmOutcome | null; gained: number; share: number }[] = [];
    const already = new Set(this.prefix.flatMap((c) => (c.kind === 'indicator-moves' ? [c.indicator] : [])));
    for (const row of this.profile.blockC) {
      if (already.has(row.indicator.id)) continue;
      const latest = row.latest;
      if (!latest || latest.la.kind !== 'number' || row.indicator.polarity === 'no-polarity') continue;
      const step = plausibleStep(this.run, row);
      if (step === null) continue;
      const v = latest.la.value;
      const better = (row.indicator.polarity === 'higher-is-better') === (direction === 'up') ? 1 : -1;
      const decimals = decimalsOf(this.originalOf(row), v);
      const q = 10 ** -decimals;
      const round = (x: number) => Math.round(x / q) * q;
      const bounded = (x: number) => (/%|percent/i.test(row.indicator.unit) ? Math.min(100, Math.max(0, x)) : v >= 0 ? Math.max(0, x) : x);
      // The whole step on the figure's grid, rounded towards the figure so that it never goes past the step.
      const full = bounded((better > 0 ? Math.floor : Math.ceil)(settle((v + better * step) / q)) * q);
      if (Math.abs(full - v) < q / 2) continue;
      const gain = (x: number) => this.comparisonScore(row, x) - this.comparisonScore(row, v);
      const directionGain = (g: number) => (direction === 'up' ? g : -g);
      const most = directionGain(gain(full));
      const isFeature = features.has(row.indicator.id);
      if (most <= 0 && !isFeature) continue;
      let to = full;
      if (!isFeature) {
        // The boundaries a figure can cross: each comparator ± its tolerance, on the figure's grid.
        const targets: number[] = [];
        for (const c of [latest.similarAreas, latest.england]) {
          if (!c) continue;
          const tol = tolerance(row.indicator, c.comparator, this.framework);
          for (const edge of [c.comparator - tol, c.comparator + tol]) for (const k of [-1, 0, 1]) targets.push(bounded(round(edge) + k * q));
        }
        const within = targets.filter((x) => (x - v) * better > q / 2 && Math.abs(x - v) <= step + 1e-9 && Math.abs(x - v) <= Math.abs(full - v) + 1e-9 && directionGain(gain(x)) >= most).sort((a, b) => Math.abs(a - v) - Math.abs(b - v));
        if (within[0] !== undefined) to = within[0];
      }
      const period = latest.period.original;
      // At the figure's precision, without the zeros a table pads it with ("16.600" reads 16.6).
      const published = String(Number(to.toFixed(decimals)));
      const change: Change = { kind: 'indicator-moves', indicator: row.indicator.id, name: row.indicator.name, unit: row.indicator.unit, period, from: v, to: Number(published), step, published };
      // The engine's row with the move: what it gains is read from the row the engine computes, not from the estimate.
      const moved = rowWithFigure(this.run, this.profile, row, period, Number(published));
      const gained = directionGain(rowScore(moved) - rowScore(row));
      if (gained <= 0 && !isFeature) continue;
      out.push({ change, outcome: row.indicator.ecmOutcome, gained: gained + (isFeature ? 10 : 0), share: Math.abs(Number(published) - v) / step });
    }
    return out.sort((a, b) => b.gained - a.gained || a.share - b.share || (a.change as { indicator: string }).indicator.localeCompare((b.change as { indicator: string }).indicator));
  }

  private originalOf(row: BlockCRow): string {
    const latest = row.latest!;
    const stored = this.run.indicators.byIndicator.get(row.indicator.id)?.get(latest.period.original)?.byArea.get(areaKey('la', this.profile.la.code));
    return stored?.original ?? String((latest.la as { value: number }).value);
  }

  /** Better comparisons minus worse, for the row's latest figure at a value. */
  private comparisonScore(row: BlockCRow, x: number): number {
    let s = 0;
    for (const c of [row.latest!.similarAreas, row.latest!.england]) {
      if (!c) continue;
      const verdict = compare(row.indicator, x, c.comparator, c.source, this.framework).verdict;
      s += verdict === 'better' ? 1 : verdict === 'worse' ? -1 : 0;
    }
    return s;
  }
}


function rowScore(row: BlockCRow): number {
  let s = 0;
  for (const c of [row.latest?.similarAreas, row.latest?.england]) s += c?.verdict === 'better' ? 1 : c?.verdict === 'worse' ? -1 : 0;
  return s;
}

function effects(before: Derived, after: Derived, framework: Framework): string[] {
  const out: string[] = [];
  const fixed = (n: number | null) => (n === null ? 'none' : n.toFixed(2));
  if (before.blockA.mean !== after.blockA.mean) out.push(`Block A's weighted mean band ${fixed(before.blockA.mean)} → ${fixed(after.blockA.mean)}`);
  if (before.blockC.band !== after.blockC.band) out.push(`Block C's band ${before.blockC.band ?? 'none'} → ${after.blockC.band ?? 'none'}`);
  for (const o of after.blockC.outcomes) {
    const was = before.blockC.outcomes.find((b) => b.outcome === o.outcome);
    if (was && was.band !== o.band) out.push(`${o.outcome.replaceAll('-', ' ')} indicators' band ${was.band} → ${o.band}`);
  }
  if (before.calibrated && after.calibrated && before.calibrated.score !== after.calibrated.score) out.push(`calibrated score ${before.calibrated.score.toFixed(2)} → ${after.calibrated.score.toFixed(2)}`);
  const p0 = positionOf(before, framework);
  const p1 = positionOf(after, framework);
  if (p0 && p1 && p0.kind === 'outcome-mean' && p0.value !== p1.value) out.push(`the outcome grades' mean ${p0.value.toFixed(2)} → ${p1.value.toFixed(2)}`);
  if (before.provisional !== after.provisional) out.push(`grade before the limiting rules ${before.provisional} → ${after.provisional}`);
  const ids = (d: Derived) => new Set(d.fired.filter((f) => f.after < f.before).map((f) => f.rule.id));
  const was = ids(before);
  const now = ids(after);
  for (const f of before.fired) if (was.has(f.rule.id) && !now.has(f.rule.id)) out.push(`no longer limited: ${f.rule.title}`);
  for (const f of after.fired) if (now.has(f.rule.id) && !was.has(f.rule.id)) out.push(`now limited: ${f.rule.title} (${f.before} → ${f.after})`);
  return out;
}

/**
 * A scenario's changes in a few words, for its sentence; `details` has each in full. One group's settings: "two more
 * of its primary schools judged good at reinspection"; several: "four settings in three groups …"; one indicator as
 * it moves; several: "three indicators each moving within a plausible step"; one inspection change as it is.
 */
function summaryOf(changes: readonly Change[]): string {
  const first = changes[0]!;
  if (changes.every((c) => c.kind === 'settings-judged')) {
    const judged = first.kind === 'settings-judged' && first.to === 'good' ? 'judged good at reinspection' : `now good judged ${first.kind === 'settings-judged' ? JUDGEMENT_LABEL[first.to] : ''} at reinspection`;
    if (changes.length === 1) return first.kind === 'settings-judged' && first.to === 'good' ? `${countWords(first.count)} more of its ${lower(first.label)} ${judged}` : `${countWords((first as { count: number }).count)} of its ${lower((first as { label: string }).label)} ${judged}`;
    return `${countWords(sizeOf(changes))} settings in ${countWords(changes.length)} groups ${judged}`;
  }
  if (changes.every((c) => c.kind === 'indicator-moves')) {
    if (changes.length === 1 && first.kind === 'indicator-moves') {
      const unit = /^%|percent/i.test(first.unit.trim()) ? '%' : '';
      return `${first.name} (${first.indicator}) at ${first.published}${unit} rather than ${first.from}${unit} in ${first.period}`;
    }
    return `${countWords(changes.length)} indicators each moving within a plausible step`;
  }
  if (changes.length === 1) return changeText(first);
  if (!changes.every((c) => blockOf(c) === 'B')) return `${countWords(changes.length)} changes to its inspections and indicators`;
  const better = changes.every((c) => c.kind === 'la-judgement' && judgementRank(c.to) < judgementRank(c.from));
  const worse = changes.every((c) => c.kind === 'la-judgement' && judgementRank(c.to) > judgementRank(c.from));
  return `${countWords(changes.length)} ${better || worse ? `judgements of its inspections each one grade ${better ? 'better' : 'worse'}` : 'changes to its inspections'}`;
}

const lower = (label: string) => label.charAt(0).toLowerCase() + label.slice(1);

/** As Block C settles its differences (block-c.ts): a grid point computed in binary is the point it is meant to be. */
const settle = (x: number): number => Math.round(x * 1e6) / 1e6;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

/** An LA inspection with the prefix's changes to it made, for a search on top of lifted rules. */
function liftedInspection(inspection: LaInspection, prefix: readonly Change[]): LaInspection {
  let out = inspection;
  for (const c of prefix) if (blockOf(c) === 'B' && 'endDate' in c && c.inspection === inspection.kind && c.endDate === inspection.endDate) out = changedInspection(out, c);
  return out;
}
