import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { EvidenceSource, EvidenceSourceQuery } from '../domain/evidence-source.ts';
import type { LaCode } from '../domain/local-authority.ts';
import { provenanceByLa, provenanceColumns, syntheticLabel, syntheticNote } from './provenance.ts';

const A = '356' as LaCode;
const B = '358' as LaCode;
const C = '861' as LaCode;
const READS: EvidenceSourceQuery = { providerTypes: ['primary-school'], laInspectionKinds: ['jar'], indicators: ['NI 75'], addresseeYear: 2011 };
const DATASETS = [
  { id: 'real-a', kind: 'real' as const },
  { id: 'real-b', kind: 'real' as const },
  { id: 'synthetic-2011-seed1', kind: 'synthetic' as const },
];

const la = (table: EvidenceSource['table'], code: string, part: string, dataset: string): EvidenceSource => ({ table, area: { kind: 'la', code }, part, dataset });
/** Everything an LA's own assessment reads, from one dataset. */
const ownEvidence = (code: string, dataset: string): EvidenceSource[] => [
  la('providers', code, 'primary-school', dataset),
  la('provider_inspections', code, 'primary-school', dataset),
  la('la_inspections', code, 'jar', dataset),
  la('indicator_values', code, 'NI 75', dataset),
  la('addressees', code, '2011', dataset),
];

const run = (sources: EvidenceSource[], las: LaCode[] = [A, B], neighbours: [LaCode, LaCode[]][] = [[A, [B]], [B, [A]]]) =>
  provenanceByLa({ reads: READS, las, neighbours: new Map(neighbours), sources, datasets: DATASETS });

describe('the provenance of each assessment', () => {
  it('real data alone is not marked synthetic', () => {
    const p = run([...ownEvidence(A, 'real-a'), ...ownEvidence(B, 'real-b')]).get(A)!;
    assert.equal(p.synthetic, false);
    assert.equal(p.extent, 'none');
    assert.equal(p.basis, 'none');
    assert.equal(syntheticLabel(p), null);
    assert.equal(syntheticNote(p), null);
    assert.deepEqual(p.datasets, [
      { id: 'real-a', kind: 'real', role: 'own-and-comparators' },
      { id: 'real-b', kind: 'real', role: 'comparators' },
    ]);
    assert.deepEqual(provenanceColumns(p), { synthetic: false, synthetic_basis: 'none', datasets: 'real-a (real); real-b (real)' });
  });

  it('an LA whose own evidence is synthetic is marked synthetic, wholly when every dataset behind it is', () => {
    const p = run([...ownEvidence(A, 'synthetic-2011-seed1'), ...ownEvidence(B, 'synthetic-2011-seed1')]).get(A)!;
    assert.equal(p.synthetic, true);
    assert.equal(p.extent, 'wholly');
    assert.equal(p.basis, 'own');
    assert.equal(syntheticLabel(p), 'Synthetic data');
    assert.match(syntheticNote(p)!, /^Built from synthetic data \(synthetic-2011-seed1\)/);
    assert.deepEqual(p.datasets, [{ id: 'synthetic-2011-seed1', kind: 'synthetic', role: 'own-and-comparators' }]);
  });

  it('an LA with only real evidence but synthetic comparators is marked partly synthetic', () => {
    const byLa = run([...ownEvidence(A, 'real-a'), ...ownEvidence(B, 'synthetic-2011-seed1')]);
    const a = byLa.get(A)!;
    assert.equal(a.synthetic, true);
    assert.equal(a.extent, 'partly');
    assert.equal(a.basis, 'comparators');
    assert.equal(syntheticLabel(a), 'Partly synthetic data');
    assert.match(syntheticNote(a)!, /own evidence is real, but the comparators .* synthetic data \(synthetic-2011-seed1\)/);
    assert.deepEqual(a.datasets, [
      { id: 'real-a', kind: 'real', role: 'own-and-comparators' },
      { id: 'synthetic-2011-seed1', kind: 'synthetic', role: 'comparators' },
    ]);
    // Block B (the LA's own inspections) has no comparators: it stays real.
    assert.equal(a.parts.blockB.synthetic, false);
    assert.equal(a.parts.blockA.basis, 'comparators');
    assert.equal(a.indicators['NI 75']?.basis, 'comparators');
    // The synthetic LA itself is marked on its own evidence.
    assert.equal(byLa.get(B)!.basis, 'own');
  });

  it('a supplied England figure from a synthetic dataset makes every LA partly synthetic', () => {
    const england: EvidenceSource = { table: 'indicator_values', area: { kind: 'england', code: '970' }, part: 'NI 75', dataset: 'synthetic-2011-seed1' };
    const p = run([...ownEvidence(A, 'real-a'), ...ownEvidence(B, 'real-b'), england]).get(B)!;
    assert.equal(p.basis, 'comparators');
    assert.equal(p.parts.blockC.synthetic, true);
    assert.equal(p.parts.blockA.synthetic, false);
  });

  it('counts only what the framework reads: other provider types, inspection kinds, indicators and years are left out', () => {
    const unread = [la('providers', A, 'childminder', 'synthetic-2011-seed1'), la('la_inspections', A, 'ilacs', 'synthetic-2011-seed1'), la('indicator_values', A, 'KS2_RWM_Exp', 'synthetic-2011-seed1'), la('addressees', A, '2010', 'synthetic-2011-seed1')];
    const p = run([...ownEvidence(A, 'real-a'), ...unread]).get(A)!;
    assert.equal(p.synthetic, false);
    assert.deepEqual(
      p.datasets.map((d) => d.id),
      ['real-a'],
    );
  });

  it('an indicator framework with no Block A reads no settings, however synthetic they are', () => {
    const byLa = provenanceByLa({
      reads: { providerTypes: [], laInspectionKinds: ['ilacs'], indicators: ['KS2_RWM_Exp'], addresseeYear: 2025 },
      las: [A, C],
      neighbours: new Map(),
      sources: [la('providers', A, 'primary-school', 'synthetic-2011-seed1'), la('la_inspections', A, 'ilacs', 'real-a'), la('indicator_values', C, 'KS2_RWM_Exp', 'real-b')],
      datasets: DATASETS,
    });
    assert.equal(byLa.get(A)!.synthetic, false);
    assert.deepEqual(
      byLa.get(A)!.datasets.map((d) => [d.id, d.role]),
      [
        ['real-a', 'own'],
        ['real-b', 'comparators'],
      ],
    );
  });

  it('an LA with no evidence names no dataset and is not synthetic', () => {
    const p = run([], [A], [])!.get(A)!;
    assert.deepEqual([p.synthetic, p.extent, p.datasets], [false, 'none', []]);
  });
});
