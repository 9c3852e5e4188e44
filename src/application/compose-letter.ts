import type { LaCode } from '../domain/local-authority.ts';
import { FRAMEWORKS } from '../frameworks/index.ts';
import type { Framework } from '../frameworks/types.ts';
import { assessAll } from '../judgement/assess.ts';
import { reportedLastYear } from '../narrative/letter.ts';
import { loadAssessInput } from './load-evidence.ts';
import type { Assessment } from '../judgement/assess.ts';
import { applyEdits } from '../narrative/edits.ts';
import type { EditedLetter } from '../narrative/edits.ts';
import { draftLetter } from '../narrative/letter.ts';
import type { LetterDraft } from '../narrative/letter.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import type { EvidenceRepository } from '../store/repository.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/**
 * An LA's letter, composed once for every front door (issue 14): `kingsway letter`, `kingsway letters` and the web's
 * letter pages all call this. The draft is written from the assessment, referring back to what last year's letter
 * reported (as it was sent), to the year's addressee, marked "not a real letter" when any dataset behind it is
 * synthetic (provenance.ts); then the inspectors' edits are laid over it, with what in them needs looking at again.
 */
export async function composeLetter(
  repo: Pick<EvidenceRepository, 'addressee' | 'letterEdits'>,
  assessment: Assessed,
  framework: Framework,
  lastYear: ReadonlySet<string> | null,
  settings?: LetterSettings,
): Promise<EditedLetter & { readonly generated: LetterDraft }> {
  const code = assessment.la.code;
  const generated = draftLetter(assessment, framework, (await repo.addressee(code, framework.year)) ?? null, assessment.provenance.synthetic, lastYear, settings);
  return { generated, ...applyEdits(generated, await repo.letterEdits(code, framework.year)) };
}

/**
 * What each LA's letter of the year before said among its strengths and areas, as sent (with its inspectors' edits),
 * so that this year's letter can say "as reported in last year's assessment" only of what it did report. Empty for a
 * year with no letter of that shape before it (2006, 2009), or an LA not assessed that year.
 */
export async function lastYearsLetters(repo: EvidenceRepository, year: number, vintage: string | undefined, las?: readonly LaCode[]): Promise<Map<LaCode, Set<string>>> {
  const previous = FRAMEWORKS.find((f) => f.year === year - 1);
  const out = new Map<LaCode, Set<string>>();
  if (!previous || previous.method !== 'profile-blocks') return out;
  for (const a of assessAll(await loadAssessInput(repo, previous, vintage), las)) {
    const reported = reportedLastYear({ assessment: a, framework: previous, edits: await repo.letterEdits(a.la.code, previous.year) });
    if (reported) out.set(a.la.code, reported);
  }
  return out;
}
