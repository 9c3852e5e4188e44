import type { Period } from './period.ts';
import type { DataSymbol } from './data-symbol.ts';

/**
 * National indicators (Block C of the profile). Polarity says which direction is better, as LAIT's data
 * dictionary gives it ("High", "Low"; "-" and "NA" where no direction is meaningful).
 */
export const POLARITIES = ['higher-is-better', 'lower-is-better', 'no-polarity'] as const;
export type Polarity = (typeof POLARITIES)[number];

/** The five Every Child Matters outcomes, which group indicators in the 2006-2011 frameworks. */
export const ECM_OUTCOMES = [
  'being-healthy',
  'staying-safe',
  'enjoying-and-achieving',
  'positive-contribution',
  'economic-wellbeing',
] as const;
export type EcmOutcome = (typeof ECM_OUTCOMES)[number];

export const ECM_OUTCOME_LABEL: Readonly<Record<EcmOutcome, string>> = {
  'being-healthy': 'Being healthy',
  'staying-safe': 'Staying safe',
  'enjoying-and-achieving': 'Enjoying and achieving',
  'positive-contribution': 'Making a positive contribution',
  'economic-wellbeing': 'Achieving economic well-being',
};

export interface IndicatorDefinition {
  /** Stable id: LAIT's short description ("KS2_RWM_Exp"), or "NI 75" style for National Indicator Set measures. */
  readonly id: string;
  readonly name: string;
  /** What a value counts: "%", "Rate per 10,000 children", … */
  readonly unit: string;
  readonly polarity: Polarity;
  readonly ecmOutcome: EcmOutcome | null;
  readonly topic: string | null;
  readonly description: string | null;
  /** Who publishes it and where. */
  readonly source: string;
}

/**
 * Where a figure applies. `similar-areas` is a comparator supplied for one LA (its code) where the neighbours'
 * own values are not in the store; normally the similar-areas figure is computed from the neighbours.
 */
export const AREA_KINDS = ['la', 'region', 'england', 'similar-areas'] as const;
export type AreaKind = (typeof AREA_KINDS)[number];

export interface Area {
  readonly kind: AreaKind;
  /** LA code, region name, or "england". */
  readonly code: string;
}

/** A figure is either a number or a GSS data symbol saying why there is none; never a silent zero. */
export type FigureValue = { readonly kind: 'number'; readonly value: number } | { readonly kind: 'symbol'; readonly symbol: DataSymbol };

export interface IndicatorValue {
  readonly indicator: string;
  readonly area: Area;
  readonly period: Period;
  readonly value: FigureValue;
  /** The value exactly as published ("12.13", "-", "c"). */
  readonly original: string;
}
