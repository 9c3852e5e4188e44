import type { Judgement } from '../domain/judgement.ts';
import type { LaCode } from '../domain/local-authority.ts';
import type { ProviderType } from '../domain/provider.ts';
import { grader } from './grades.ts';
import type { LaTraits } from './latent.ts';
import { apportion } from './latent.ts';
import {
  ACADEMIES_FROM,
  ACADEMY_CONVERSION_SHARE,
  ANNUAL_IMPROVEMENT,
  LA_AGENCIES,
  LA_EFFECT,
  LA_RUN_HOME_SHARE,
  PERSISTENCE,
  PROVIDER_FIGURES,
  profileDate,
} from './national-figures.ts';
import type { ProviderTypeFigures } from './national-figures.ts';
import { addDays, dateBetween, stream } from './random.ts';
import type { Random } from './random.ts';

export type Row = Record<string, string | number | null>;

/** Synthetic URNs start here: far above any real Ofsted URN of the period, so they cannot clash with real data. */
export const FIRST_SYNTHETIC_URN = 9_000_000;

const SINGULAR: Readonly<Partial<Record<ProviderType, string>>> = {
  childminder: 'Childminder',
  'childcare-non-domestic': 'Day Nursery',
  'childrens-centre': "Children's Centre",
  'nursery-school': 'Nursery School',
  'primary-school': 'Primary School',
  'secondary-school': 'Secondary School',
  'school-sixth-form': 'School Sixth Form',
  'special-school': 'Special School',
  'independent-special-school': 'Independent Special School',
  'pupil-referral-unit': 'Pupil Referral Unit',
  'general-fe-college': 'College',
  'sixth-form-college': 'Sixth Form College',
  'independent-specialist-college': 'Specialist College',
  'childrens-home': "Children's Home",
  'fostering-agency': 'Fostering Service',
  'adoption-agency': 'Adoption Agency',
};

interface Context {
  readonly year: number;
  readonly seed: number;
  readonly until: string;
  readonly providers: Row[];
  readonly inspections: Row[];
  nextUrn: number;
}

/** Years from 2011, the year the national shares describe: earlier inspections were a little weaker. */
const yearsFrom2011 = (date: string): number => Number(date.slice(0, 4)) - 2011;

/** One inspection's latent score: the provider's persistent level plus this visit's noise, drifting up over time. */
function score(rng: Random, level: number, date: string): number {
  return PERSISTENCE * level + Math.sqrt(1 - PERSISTENCE ** 2) * rng.normal() + ANNUAL_IMPROVEMENT * yearsFrom2011(date);
}

function inspectionRow(urn: number, date: string, kind: string, overall: Judgement | null, sub?: { staying: Judgement; enjoying: Judgement }): Row {
  return { urn: String(urn), inspection_date: date, inspection_kind: kind, overall_effectiveness: overall, staying_safe: sub?.staying ?? null, enjoying_and_achieving: sub?.enjoying ?? null };
}

function history(ctx: Context, rng: Random, urn: number, figures: ProviderTypeFigures, level: number, from: string, to: string): void {
  const grade = grader(figures.grades, figures.scale);
  const visit = (date: string, kind: string) => {
    const s = score(rng, level, date);
    const overall = grade(s);
    // Sub-judgements mostly match or better the overall one (trafford-2009: staying safe good or better in all settings).
    const sub = figures.subJudgements ? { staying: grade(s + 0.35 + 0.4 * rng.normal()), enjoying: grade(s + 0.1 + 0.4 * rng.normal()) } : undefined;
    ctx.inspections.push(inspectionRow(urn, date, kind, overall, sub));
    return overall;
  };
  if (figures.interimEachYear) {
    // Children's homes: a full inspection and an interim one in each inspection year (April to March).
    for (let y = Number(from.slice(0, 4)); ; y++) {
      const full = dateBetween(rng, `${y}-04-01`, `${y}-09-30`);
      const interim = dateBetween(rng, `${y}-10-01`, `${y + 1}-03-31`);
      if (full > to) break;
      if (full >= from) visit(full, 'full');
      if (interim <= to && interim >= from) visit(interim, 'interim');
    }
    return;
  }
  const [min, max] = figures.cycle;
  let date = addDays(from, rng.next() * 365 * max);
  while (date <= to) {
    const overall = visit(date, 'full');
    if (overall === 'inadequate') {
      // An inadequate school or setting gets a monitoring visit within months (no overall judgement), then a reinspection.
      const monitoring = addDays(date, 90 + rng.next() * 90);
      if (monitoring <= to) ctx.inspections.push(inspectionRow(urn, monitoring, 'monitoring', null));
      date = addDays(date, 300 + rng.next() * 120);
    } else {
      const years = overall === 'outstanding' ? max : overall === 'good' ? min + rng.next() * (max - min) : min;
      date = addDays(date, 365 * years + rng.next() * 60);
    }
  }
}

function addProvider(ctx: Context, t: LaTraits, figures: ProviderTypeFigures, index: number): void {
  const la = t.la;
  const rng = stream(`${ctx.seed}|${ctx.year}|${la.code}|${figures.type}|${index}`);
  const level = LA_EFFECT * t.quality + Math.sqrt(1 - LA_EFFECT ** 2) * rng.normal();
  const urn = ctx.nextUrn++;
  const ownership = figures.type === 'childrens-home' ? (rng.chance(LA_RUN_HOME_SHARE) ? 'la-run' : 'commissioned') : figures.ownership;
  const name = `Synthetic ${SINGULAR[figures.type] ?? figures.type} ${String(index + 1).padStart(4, '0')} (${la.name})`;
  // Childcare registers and leaves all the time; schools and colleges of the period were long established.
  const churns = figures.type === 'childminder' || figures.type === 'childcare-non-domestic';
  const openedOn = churns ? dateBetween(rng, '1998-01-01', addDays(ctx.until, -120)) : figures.type === 'childrens-centre' ? dateBetween(rng, '2006-01-01', '2010-03-31') : null;
  const from = openedOn !== null && openedOn > figures.inspectedFrom ? addDays(openedOn, 60) : figures.inspectedFrom;

  const converts = figures.type === 'secondary-school' && ctx.until >= ACADEMIES_FROM && rng.chance(ACADEMY_CONVERSION_SHARE);
  const conversion = converts ? dateBetween(rng, ACADEMIES_FROM, ctx.until) : null;
  ctx.providers.push({ urn: String(urn), name, provider_type: figures.type, la_code: la.code, ownership, opened_on: openedOn, closed_on: conversion === null ? null : addDays(conversion, -1), predecessor_urn: null });

  if (figures.inspectedShare !== undefined) {
    if (ctx.until >= figures.inspectedFrom && rng.chance(figures.inspectedShare)) {
      const s = score(rng, level, ctx.until);
      ctx.inspections.push(inspectionRow(urn, dateBetween(rng, figures.inspectedFrom, ctx.until), 'full', grader(figures.grades, figures.scale)(s)));
    }
  } else {
    history(ctx, rng, urn, figures, level, from, conversion === null ? ctx.until : addDays(conversion, -1));
  }
  if (conversion !== null) {
    // The academy is a new URN; Ofsted reads its predecessor's latest inspection until it is inspected itself.
    const academy = ctx.nextUrn++;
    ctx.providers.push({ urn: String(academy), name: name.replace('Secondary School', 'Academy'), provider_type: 'secondary-school', la_code: la.code, ownership: 'academy', opened_on: conversion, closed_on: null, predecessor_urn: String(urn) });
  }
}

/** Providers of every type for every LA, with inspection histories from 2005 up to the profile date of the year. */
export function generateProviders(traits: readonly LaTraits[], year: number, seed: number): { providers: Row[]; inspections: Row[] } {
  const ctx: Context = { year, seed, until: profileDate(year), providers: [], inspections: [], nextUrn: FIRST_SYNTHETIC_URN };
  for (const figures of PROVIDER_FIGURES) {
    // Children's centres were first inspected in 2010 (framework.md §3): none before that year's profile.
    if (figures.type === 'childrens-centre' && profileDate(year) < figures.inspectedFrom) continue;
    const counts = apportion(figures.national, traits);
    for (const t of traits) {
      const n = counts.get(t.la.code as LaCode) ?? 0;
      for (let i = 0; i < n; i++) addProvider(ctx, t, figures, i);
    }
  }
  for (const figures of LA_AGENCIES) for (const t of traits) addProvider(ctx, t, figures, 0);
  return { providers: ctx.providers, inspections: ctx.inspections };
}
