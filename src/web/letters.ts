import type { LetterEditOp } from '../domain/letter-edit.ts';
import type { Actor } from '../domain/roles.ts';
import type { Assessment } from '../judgement/assess.ts';
import { composeLetter } from '../application/compose-letter.ts';
import { recordLetterEdits } from '../application/record-edits.ts';
import type { EditedLetter } from '../narrative/edits.ts';
import { reportedLastYear } from '../narrative/letter.ts';
import type { LetterDraft } from '../narrative/letter.ts';
import type { SiteData, YearView } from './site-data.ts';

type Assessed = Extract<Assessment, { status: 'assessed' }>;

/**
 * An LA's letter for the web pages, from the years the site already holds assessed: the generated draft (referring
 * back to last year's letter as it was sent) with the inspectors' edits laid over it. The same composition as
 * `kingsway letter` (src/application/compose-letter.ts), over the cached runs instead of fresh ones.
 */
export async function siteLetter(data: SiteData, view: YearView, a: Assessed): Promise<EditedLetter & { generated: LetterDraft }> {
  const year = view.framework.year;
  const code = a.la.code;
  let lastYear: Set<string> | null = null;
  if (data.isYear(year - 1)) {
    const previous = await data.year(year - 1);
    const before = previous.byCode.get(code);
    if (before) lastYear = reportedLastYear({ assessment: before, framework: previous.framework, edits: await data.store.letterEdits(code, year - 1) });
  }
  return composeLetter(data.store, a, view.framework, lastYear, data.letterSettings);
}

/** Records edits made on the letter page, checked first. Letters are written per request, so nothing cached goes stale. */
export async function recordSiteEdits(data: SiteData, view: YearView, a: Assessed, changes: readonly LetterEditOp[], by: Extract<Actor, { kind: 'user' }>): Promise<number[]> {
  const { generated } = await siteLetter(data, view, a);
  // The clock belongs to the shell: the core never reads it. The author is the signed-in person (issue 15).
  const { ids } = await recordLetterEdits(data.store, generated, changes, by.name, new Date().toISOString(), by);
  return [...ids];
}
