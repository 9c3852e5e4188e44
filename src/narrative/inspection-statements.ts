import type { Judgement } from '../domain/judgement.ts';
import type { LaInspection, LaInspectionFinding } from '../domain/la-inspection.ts';
import { recurringFindings } from '../profile/block-b.ts';
import type { LaProfile } from '../profile/profile.ts';
import { capitalise, countWords, listWords } from './counts.ts';
import { letterMonth } from './dates.ts';
import type { Sentence } from './sentence.ts';
import { sentence } from './sentence.ts';
import type { Theme } from './themes.ts';

export interface InspectionStatement {
  readonly theme: Theme;
  readonly kind: 'strength' | 'area';
  readonly sentence: Sentence;
}

/** At most this many findings quoted in a sentence: the letters give an example or two, not the report. */
const EXAMPLES = 2;

/**
 * A finding in the inspectors' words, quoted, its full stop dropped; lower-cased inside a sentence unless it opens
 * with an acronym ("CAF …").
 */
function quoted(f: LaInspectionFinding, opening = false): string {
  const text = f.text.trim().replace(/\.$/, '');
  const lowered = opening || /^.[A-Z]/.test(text) ? text : text.charAt(0).toLowerCase() + text.slice(1);
  return `'${lowered}'`;
}

const plural = (n: number, one: string, many: string) => (n === 1 ? one : many);

/**
 * The unannounced inspection's areas for priority action and for development, among the areas for further
 * improvement rather than in the summary (which counts them): what it identified, with one or two examples in the
 * inspectors' words, and those that recur from the previous unannounced inspection said to remain from it
 * (`recurringFindings`, matched by normalised word overlap, src/profile/block-b.ts). Where only counts are known
 * there is nothing to quote, and the summary's count stands alone. [reconstruction: the seeds' unannounced
 * inspections had no areas for development to state]
 */
export function ucraStatements(profile: LaProfile): InspectionStatement[] {
  const entry = profile.blockB.find((b) => b.kind === 'ucra');
  const ucra = entry?.latest;
  if (!ucra || ucra.endDate <= profile.framework.previousProfileDate) return [];
  const evidence = [{ block: 'B' as const, kind: 'ucra' as const, endDate: ucra.endDate }];
  const recurring = new Set(recurringFindings(ucra, entry.previous ?? null));
  const sentences: Sentence[] = [];
  const month = letterMonth(ucra.endDate);
  for (const [kind, noun, id] of [
    ['area-for-priority-action', ['area for priority action', 'areas for priority action'], 'b:ucra-priority-action'],
    ['area-for-development', ['area for development', 'areas for development'], 'b:ucra-development'],
  ] as const) {
    const all = ucra.findings.filter((f) => f.kind === kind);
    if (all.length === 0) continue;
    const again = all.filter((f) => recurring.has(f));
    const fresh = all.filter((f) => !recurring.has(f));
    // The new ones are the examples; those that remain are named in the next sentence.
    const n = all.length;
    const examples = listWords(fresh.slice(0, EXAMPLES).map((f) => quoted(f)));
    const opening = `The unannounced inspection in ${month} identified ${countWords(n)} ${plural(n, noun[0], noun[1])}`;
    const parts = [fresh.length === 0 ? `${opening}.` : fresh.length === n && n <= EXAMPLES ? `${opening}: ${examples}.` : `${opening}, among them ${examples}.`];
    if (again.length > 0 && entry.previous) {
      const before = `from the previous unannounced inspection, in ${letterMonth(entry.previous.endDate)}`;
      const named = listWords(again.slice(0, EXAMPLES).map((f, i) => quoted(f, i === 0)));
      if (again.length <= EXAMPLES) parts.push(`${capitalise(named)} ${plural(again.length, 'remains', 'remain')} ${before}.`);
      else parts.push(`${again.length === n ? `All ${countWords(n)}` : `${capitalise(countWords(again.length))} of them`} remain ${before}, among them ${listWords(again.slice(0, EXAMPLES).map((f) => quoted(f)))}.`);
    }
    sentences.push(sentence(id, parts.join(' '), ...evidence));
  }
  return sentences.map((s) => ({ theme: 'safeguarding', kind: 'area', sentence: s }));
}

/** Overall effectiveness as the judging clause says it: "judged overall effectiveness to require improvement to be good". */
const JUDGED: Readonly<Record<Judgement, string>> = {
  outstanding: 'to be outstanding',
  good: 'to be good',
  satisfactory: 'to be satisfactory',
  adequate: 'to be adequate',
  'requires-improvement': 'to require improvement to be good',
  inadequate: 'to be inadequate',
};

/** When and under which framework: "in May 2025"; "under the single inspection framework, in October 2015". */
const when = (i: LaInspection) => `${i.kind === 'sif' ? 'under the single inspection framework, ' : ''}in ${letterMonth(i.endDate)}`;

/**
 * Today's indicator years: what Ofsted's inspections of the council's children's services found, from Block B's
 * succession (the single inspection framework, then ILACS; src/profile/block-b.ts): the judgement in force at the
 * profile date, then what changed from the inspection before it. These are inspectors' judgements, said as Ofsted's
 * beside Kingsway's own grade, which the letter gives as Kingsway's. Nothing is said of an inspection with no overall
 * grade in the data (no SIF report in the scraped history has one). [reconstruction: the 2011 letters said the
 * safeguarding inspection's judgements in the summary (stoke-on-trent-2011); these sentences follow them]
 */
export function successionSentences(profile: LaProfile): Sentence[] {
  const s = profile.blockBSuccession;
  const latest = s?.latest;
  if (!s || !latest?.overall) return [];
  const refs = [latest, ...(s.previous ? [s.previous] : [])].map((i) => ({ block: 'B' as const, kind: i.kind, endDate: i.endDate }));
  const out = [sentence('b:inspection-latest', `Ofsted's latest inspection of the council's children's services, ${when(latest)}, judged overall effectiveness ${JUDGED[latest.overall]}.`, refs[0]!)];
  const previous = s.previous;
  if (s.change && previous?.overall) {
    const before = `the previous inspection, ${when(previous)}`;
    const text =
      s.change.direction === 'stayed'
        ? `${capitalise(before)}, reached the same judgement.`
        : `It has ${s.change.direction} since ${before}, which judged it ${JUDGED[previous.overall]}.`;
    out.push(sentence('b:inspection-change', text, ...refs));
  }
  return out;
}
