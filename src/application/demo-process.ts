import { actorOf } from '../domain/account.ts';
import type { Account } from '../domain/account.ts';
import type { AuditActor } from '../domain/audit.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { Actor } from '../domain/roles.ts';
import type { MoveName } from '../domain/workflow.ts';
import { frameworkFor } from '../frameworks/index.ts';
import { calendarFor } from '../frameworks/process-calendar.ts';
import { assessAll } from '../judgement/assess.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { LetterSettings } from '../narrative/letter-settings.ts';
import type { Store } from '../store/repository.ts';
import { addAccount } from './accounts.ts';
import type { AccountRequest } from './accounts.ts';
import { composeLetter, lastYearsLetters } from './compose-letter.ts';
import { loadAssessInput } from './load-evidence.ts';
import { publishableLetter } from './publishable-letter.ts';
import { moveAssessments, recordGrades, yearStatuses } from './workflow.ts';
import type { LetterSource, MoveResult } from './workflow.ts';

/**
 * The quick start's people and process (issue 15): one demo account for each role, so that a newcomer can sign in as
 * each, and 2011 taken through the process and published as Ofsted published it on 8 November 2011, with five outcomes
 * withheld "as further inspections are due to take place" [sourced: Ofsted press release, process.md]. Which five is
 * not known; Kingsway withholds the five whose most recent inspection of the council's own services is the oldest (an
 * inspection would be due), and says so [reconstruction]. The grades published are the derived ones, agreed in
 * moderation: the synthetic national dataset has no inspector to disagree.
 */

/** The demo accounts: marked as such in their names, which every judgement, move and audit event then carries. */
export const DEMO_ACCOUNTS: readonly (Omit<AccountRequest, 'password'> & { readonly what: string })[] = [
  { name: 'demo-analyst', role: 'analyst', what: 'imports, assesses, releases profiles' },
  { name: 'demo-inspector', role: 'inspector', what: 'drafts grades and letters, answers comments' },
  { name: 'demo-moderator', role: 'moderator', what: 'settles grades, signs off, publishes, reads the audit log' },
  { name: 'demo-la-stockport', role: 'la', la: '356', what: "Stockport's own people: its profile, its draft, its comments" },
];

export const DEMO_YEAR = 2011;
export const WITHHELD_IN_2011 = 5;
export const WITHHELD_REASON = 'Not published on the day, as further inspections are due to take place (as Ofsted withheld five outcomes in 2011).';

export interface DemoAccount {
  readonly name: string;
  readonly role: string;
  readonly la: string | null;
  readonly what: string;
  /** The generated password, shown once; null when the account already existed (its password is not known). */
  readonly password: string | null;
}

export interface DemoProcessResult {
  readonly accounts: readonly DemoAccount[];
  /** Each LA's outcome for 2011: published, withheld, already done before, or refused with why. */
  readonly published: number;
  readonly withheld: readonly LaCode[];
  readonly already: number;
  readonly refused: readonly { readonly la: LaCode; readonly message: string }[];
}

/** The demo accounts: added if missing (their passwords generated and returned, to be printed once), else left as they are. */
export async function demoAccounts(store: Store, at: string): Promise<{ accounts: DemoAccount[]; actors: Map<string, Actor> }> {
  const by: AuditActor = { kind: 'system', name: 'kingsway demo' };
  const existing = new Map((await store.accounts()).map((a) => [a.name, a]));
  const accounts: DemoAccount[] = [];
  const actors = new Map<string, Actor>();
  for (const d of DEMO_ACCOUNTS) {
    let account: Account | undefined = existing.get(d.name);
    let password: string | null = null;
    if (!account) {
      const added = await addAccount(store, { name: d.name, role: d.role, ...(d.la ? { la: d.la } : {}) }, { at, by });
      account = added.account;
      password = added.generatedPassword;
    }
    accounts.push({ name: d.name, role: d.role, la: d.la ?? null, what: d.what, password });
    if (account.disabledAt === null) actors.set(d.role, actorOf(account));
  }
  return { accounts, actors };
}

/** The five LAs withheld: the oldest most recent inspection of the council's own services, then by code. */
export function withheldIn2011(assessed: readonly Extract<Assessment, { status: 'assessed' }>[]): LaCode[] {
  const latest = (a: Extract<Assessment, { status: 'assessed' }>) => a.profile.blockB.flatMap((b) => (b.latest ? [b.latest.endDate] : [])).sort().at(-1) ?? '';
  return [...assessed]
    .map((a) => ({ code: a.la.code, latest: latest(a) }))
    .sort((x, y) => x.latest.localeCompare(y.latest) || x.code.localeCompare(y.code))
    .slice(0, WITHHELD_IN_2011)
    .map((x) => x.code);
}

/**
 * Takes every 2011 LA not yet through the process to publication, withholding five as Ofsted did (above). An LA
 * already moved on (the demo run before) is left where it is.
 */
export async function publishDemoYear(store: Store, actors: ReadonlyMap<string, Actor>, settings?: LetterSettings): Promise<Omit<DemoProcessResult, 'accounts'>> {
  return takeYearToPublication(store, DEMO_YEAR, actors, { withhold: withheldIn2011, reason: WITHHELD_REASON, settings });
}

/**
 * Takes a year's assessed LAs that have not started through the whole process, in the order it runs, each step for
 * all of them at once, with the derived grade proposed and agreed: published, or withheld (those `withhold` picks).
 * For the demo and for tests that need a published year; the dates are the year's process calendar.
 */
export async function takeYearToPublication(
  store: Store,
  year: number,
  actors: ReadonlyMap<string, Actor>,
  options: { readonly withhold?: (assessed: readonly Extract<Assessment, { status: 'assessed' }>[]) => readonly LaCode[]; readonly reason?: string; readonly settings?: LetterSettings } = {},
): Promise<Omit<DemoProcessResult, 'accounts'>> {
  const framework = frameworkFor(year);
  const calendar = calendarFor(year);
  const input = await loadAssessInput(store, framework);
  const assessed = assessAll(input).filter((a): a is Extract<Assessment, { status: 'assessed' }> => a.status === 'assessed');
  const statuses = await yearStatuses(store, year);
  const fresh = assessed.filter((a) => (statuses.get(a.la.code)?.state ?? 'not-started') === 'not-started');
  const already = assessed.length - fresh.length;
  if (fresh.length === 0) return { published: 0, withheld: [], already, refused: [] };
  const actor = (role: string) => {
    const a = actors.get(role);
    if (!a) throw new Error(`publishing ${year} needs an enabled ${role} account`);
    return a;
  };
  const withheld = new Set(options.withhold?.(fresh) ?? []);
  const lastYear = await lastYearsLetters(store, year, undefined, fresh.map((a) => a.la.code));
  const byCode = new Map(fresh.map((a) => [a.la.code, a]));
  const letterOf: LetterSource = async (la) => {
    const a = byCode.get(la);
    if (!a) return null;
    // The letter as it stands once the final grade is recorded: the assessment's grade is the derived one, agreed.
    const { letter } = await composeLetter(store, a, framework, lastYear.get(la) ?? null, options.settings);
    return publishableLetter(letter);
  };
  const refused: { la: LaCode; message: string }[] = [];
  const collect = (results: readonly MoveResult[]) => {
    for (const r of results) if (!r.ok) refused.push({ la: r.la, message: r.refusal.message });
    return results.filter((r) => r.ok).map((r) => r.la);
  };
  const step = async (las: readonly LaCode[], move: MoveName, role: string, at: string, reason: string | null = null) =>
    las.length === 0 ? [] : collect(await moveAssessments(store, year, las.map((la) => ({ la, move, reason })), { at, actor: actor(role), letterOf }));
  const grades = async (las: readonly LaCode[], role: string, stage: 'proposed' | 'final', at: string, rationale: string) => {
    if (las.length === 0) return;
    const results = await recordGrades(store, framework, las.map((la) => ({ la, grade: byCode.get(la)!.derived, rationale })), { at, actor: actor(role), stage });
    for (const r of results) if (!r.ok) refused.push({ la: r.la as LaCode, message: r.error.message });
  };
  const day = (date: string, hour: number) => `${date}T${String(hour).padStart(2, '0')}:00:00.000Z`;

  let las = fresh.map((a) => a.la.code);
  las = await step(las, 'release-profile', 'analyst', day(calendar.profileReleased.date, 9));
  las = await step(las, 'start-draft', 'inspector', day(calendar.profileReleased.date, 10));
  await grades(las, 'inspector', 'proposed', day(calendar.draftDue.date, 9), 'Proposed as derived from the performance profile.');
  las = await step(las, 'send-for-check', 'inspector', day(calendar.draftDue.date, 10));
  las = await step(las, 'send-to-moderation', 'inspector', day(calendar.checkCloses.date, 9));
  const toWithhold = las.filter((la) => withheld.has(la));
  const toPublish = las.filter((la) => !withheld.has(la));
  const held = await step(toWithhold, 'withhold', 'moderator', day(calendar.checkCloses.date, 15), options.reason ?? 'Withheld.');
  await grades(toPublish, 'moderator', 'final', day(calendar.checkCloses.date, 12), 'Agreed in moderation.');
  let published = await step(toPublish, 'sign-off', 'moderator', day(calendar.checkCloses.date, 16));
  published = await step(published, 'publish', 'moderator', day(calendar.publication.date, 9));
  return { published: published.length, withheld: held, already, refused };
}
