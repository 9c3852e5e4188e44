import { frameworkFor } from '../src/frameworks/index.ts';
import { assessAll } from '../src/judgement/assess.ts';
import { whatIfsOfYear } from '../src/application/what-if.ts';
import { loadProfileRun } from '../src/application/load-evidence.ts';
import { profileRun } from '../src/profile/profile.ts';
import { setUp } from './assessment.bench.ts';
import type { BenchLine } from './support.ts';
import { median, scratch, timeRuns } from './support.ts';

/**
 * Issue 16: every LA's what-if for a year (application/what-if.ts: each LA's profile, grade and the search for the
 * smallest changes each way, every scenario derived again) in under 5 s, on the synthetic 2011 national dataset
 * (seed 1). The reference, in the same process, is assessing every LA of the same run (profile and grade), so the
 * ratio says what the search costs beyond the assessment it starts from.
 */
export async function benchWhatIf(runs = 5): Promise<BenchLine[]> {
  const tmp = scratch();
  try {
    const { store } = await setUp(tmp.dir);
    const framework = frameworkFor(2011);
    const loaded = await loadProfileRun(store, framework);
    await store.close();
    const none = new Map();
    // A new run each time (its Block A memos empty), over the same loaded evidence, as a server's year is.
    const fresh = () => profileRun(framework, loaded.evidence, loaded.indicators, loaded.laInspections, loaded.vintage);
    const ms = (x: number) => `${x.toFixed(0)} ms`;
    let scenarios = 0;
    let las = 0;
    const first = await timeRuns(1, () => {
      const reports = whatIfsOfYear({ run: fresh(), judgements: none, previous: none });
      las = reports.length;
      scenarios = reports.reduce((s, r) => s + (r.result.ok ? r.result.up.length + r.result.down.length : 0), 0);
      if (reports.some((r) => !r.result.ok)) throw new Error('an LA had no what-if');
    });
    const ref = median(await timeRuns(runs, () => void assessAll({ run: fresh(), judgements: none, previous: none })));
    const all = median(await timeRuns(runs, () => void whatIfsOfYear({ run: fresh(), judgements: none, previous: none })));
    return [
      { benchmark: 'what-if 2011', measure: `reference: assess all ${las} LAs, profile and grade (median of ${runs})`, value: ms(ref) },
      { benchmark: 'what-if 2011', measure: `every LA's what-if, first run in the process (${scenarios.toLocaleString('en-GB')} scenarios)`, value: `${ms(first[0]!)} = ${(first[0]! / ref).toFixed(1)}× ref`, target: '< 5 s', met: first[0]! < 5000 },
      { benchmark: 'what-if 2011', measure: `every LA's what-if (median of ${runs})`, value: `${ms(all)} = ${(all / ref).toFixed(1)}× ref`, target: '< 5 s', met: all < 5000 },
    ];
  } finally {
    tmp.cleanup();
  }
}
