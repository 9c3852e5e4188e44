import { NotFoundError } from '../domain/errors.ts';
import { deepFreeze } from './define.ts';
import { INDICATOR_YEARS } from './indicators/definition.ts';
import type { FrameworkId } from './types.ts';

/**
 * The dates the assessment process follows in each framework year (../shared/docs/process.md, "Timeline"), as data
 * beside the framework years and inheriting as they do: a year states the dates it has a source for, and any it does
 * not state is the year before's, carried on to its own year and marked [reconstruction]. The demo
 * (src/application/demo-process.ts) dates its moves by it; no move waits for its day yet (docs/workflow.md).
 */
export type Mark = 'sourced' | 'seed' | 'reconstruction';

export interface CalendarDate {
  /** ISO date. */
  readonly date: string;
  readonly mark: Mark;
  readonly source: string;
}

export const CALENDAR_STEPS = ['profileReleased', 'draftDue', 'checkCloses', 'publication'] as const;
export type CalendarStep = (typeof CALENDAR_STEPS)[number];

/** What each step is, for docs and pages. */
export const STEP_WORDS: Readonly<Record<CalendarStep, string>> = {
  profileReleased: 'profile released to the LA',
  draftDue: 'draft due; factual accuracy check opens',
  checkCloses: 'factual accuracy check closes',
  publication: 'published',
};

export type ProcessCalendar = Readonly<Record<CalendarStep, CalendarDate>> & {
  readonly framework: FrameworkId;
  readonly year: number;
  readonly inherits: FrameworkId | null;
  readonly changes: readonly string[];
};

const CALDERDALE = 'Calderdale scrutiny report, Sep 2010 (process.md)';

/** The same day `years` later, in words of where it came from. */
function carried(from: CalendarDate, fromId: FrameworkId, years: number): CalendarDate {
  const date = `${Number(from.date.slice(0, 4)) + years}${from.date.slice(4)}`;
  if (Number.isNaN(Date.parse(date)) || new Date(date).toISOString().slice(0, 10) !== date) throw new Error(`${from.date} carried ${years} years is not a date`);
  return { date, mark: 'reconstruction', source: `${fromId}'s day carried on (${from.date}: ${from.source})` };
}

function extendCalendar(base: ProcessCalendar, own: Partial<Record<CalendarStep, CalendarDate>> & Pick<ProcessCalendar, 'framework' | 'year' | 'changes'>): ProcessCalendar {
  const years = own.year - base.year;
  const steps = Object.fromEntries(CALENDAR_STEPS.map((s) => [s, own[s] ?? carried(base[s], base.framework, years)])) as Record<CalendarStep, CalendarDate>;
  return deepFreeze({ ...steps, framework: own.framework, year: own.year, inherits: base.framework, changes: own.changes });
}

const ours = (date: string, source: string): CalendarDate => ({ date, mark: 'reconstruction', source });

/**
 * 2006: the APA had no performance profile (its evidence was the JAR, the data and the council's self-assessment) and
 * no procedure for the dates was found; only the letter's date is known. The rest takes 2010's days, the one year with
 * sources, placed before 2006's publication as 2010's were before its own.
 */
const APA_2006: ProcessCalendar = deepFreeze({
  framework: 'apa-2006',
  year: 2006,
  inherits: null,
  changes: [],
  profileReleased: ours('2006-08-18', `the day the 2010 profile was released (${CALDERDALE}); the APA had no profile, this is the day its evidence is taken as shared with the LA`),
  draftDue: ours('2006-09-23', "2010's distance before publication (39 days)"),
  checkCloses: ours('2006-10-12', "2010's distance before publication (20 days)"),
  publication: { date: '2006-11-01', mark: 'seed', source: 'stockport-2006-apa.txt, the letter of 1 November 2006' },
});

const RATING_2009 = extendCalendar(APA_2006, {
  framework: 'rating-2009',
  year: 2009,
  changes: ['the performance profile, updated quarterly in 2009 (CAA consultation summary, Oct 2008); its release date is not known', 'publication: the rating letters of 9 December 2009'],
  profileReleased: ours('2009-08-18', `the day the 2010 profile was released (${CALDERDALE})`),
  draftDue: ours('2009-10-31', `as 2010, "in October" (${CALDERDALE})`),
  checkCloses: ours('2009-11-19', "as 2010: three weeks after the draft, leaving three for moderation"),
  publication: { date: '2009-12-09', mark: 'seed', source: 'trafford-2009-rating.txt, the letter of 9 December 2009' },
});

const ASSESSMENT_2010 = extendCalendar(RATING_2009, {
  framework: 'assessment-2010',
  year: 2010,
  changes: ['the dates of the Calderdale scrutiny report: profile 18 August, draft in October, outcome in December'],
  profileReleased: { date: '2010-08-18', mark: 'sourced', source: CALDERDALE },
  draftDue: ours('2010-10-31', `"A draft assessment will be made in October" [sourced: ${CALDERDALE}]; the month's last day is ours`),
  checkCloses: ours('2010-11-19', 'no procedure found (the APA handbook 070038 names "representation procedures"; the CSA\'s was not found): three weeks after the draft, leaving three for moderation'),
  publication: { date: '2010-12-09', mark: 'seed', source: `"a finalised outcome given in December 2010" [sourced: ${CALDERDALE}]; the day from the letters of 9 December 2010 (framework.md §1)` },
});

const ASSESSMENT_2011 = extendCalendar(ASSESSMENT_2010, {
  framework: 'assessment-2011',
  year: 2011,
  changes: ['publication on 8 November, a month earlier than 2010: the draft and the check move with it, keeping 2010\'s distances before publication'],
  draftDue: ours('2011-09-30', "2010's distance before publication (39 days)"),
  checkCloses: ours('2011-10-19', "2010's distance before publication (20 days)"),
  publication: { date: '2011-11-08', mark: 'sourced', source: 'the proposed publication date of guidance 110008 (LGC report); the letters are dated 8 November 2011 [seed]' },
});

/**
 * Today's indicator years are Kingsway's own, not Ofsted's: they keep 2011's days, and publish on the date their
 * letters carry (src/frameworks/indicators/definition.ts, 30 November).
 */
const INDICATOR_CALENDARS = INDICATOR_YEARS.reduce<ProcessCalendar[]>((all, year) => {
  const base = all.at(-1) ?? ASSESSMENT_2011;
  const first = all.length === 0;
  return [
    ...all,
    extendCalendar(base, {
      framework: `indicators-${year}`,
      year,
      changes: first ? ["Kingsway's own calendar for today's data: 2011's days, published on the letters' date of 30 November"] : [`the dates of ${year}`],
      publication: ours(`${year}-11-30`, "the date Kingsway's indicator letters carry (src/frameworks/indicators/definition.ts)"),
    }),
  ];
}, []);

export const PROCESS_CALENDARS: readonly ProcessCalendar[] = [APA_2006, RATING_2009, ASSESSMENT_2010, ASSESSMENT_2011, ...INDICATOR_CALENDARS];

export function calendarFor(year: number): ProcessCalendar {
  const found = PROCESS_CALENDARS.find((c) => c.year === year);
  if (!found) throw new NotFoundError(`no process calendar for ${year}: Kingsway has ${PROCESS_CALENDARS.map((c) => c.year).join(', ')}`);
  return found;
}

/** The calendars as a Markdown table, each date with its mark: docs/workflow.md holds exactly this (its test). */
export function renderCalendarMarkdown(): string {
  const head = `| year | framework | ${CALENDAR_STEPS.map((s) => STEP_WORDS[s]).join(' | ')} |`;
  const rows = PROCESS_CALENDARS.map((c) => `| ${c.year} | \`${c.framework}\` | ${CALENDAR_STEPS.map((s) => `${c[s].date} [${c[s].mark}]`).join(' | ')} |`);
  return [head, `|${'---|'.repeat(2 + CALENDAR_STEPS.length)}`, ...rows].join('\n');
}
