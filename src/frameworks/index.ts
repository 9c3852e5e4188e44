import { NotFoundError } from '../domain/errors.ts';
import { APA_2006 } from './apa-2006/definition.ts';
import { ASSESSMENT_2010 } from './assessment-2010/definition.ts';
import { ASSESSMENT_2011 } from './assessment-2011/definition.ts';
import { RATING_2009 } from './rating-2009/definition.ts';
import { INDICATOR_FRAMEWORKS } from './indicators/definition.ts';
import type { Framework, FrameworkId } from './types.ts';

/** Every framework year, in order: the historical years, then Kingsway's application of the method to today's data. */
export const FRAMEWORKS: readonly Framework[] = [APA_2006, RATING_2009, ASSESSMENT_2010, ASSESSMENT_2011, ...INDICATOR_FRAMEWORKS];

export function frameworkFor(year: number): Framework {
  const found = FRAMEWORKS.find((f) => f.year === year);
  if (!found) throw new NotFoundError(`no framework for ${year}: Kingsway has ${FRAMEWORKS.map((f) => `${f.year} (${f.id})`).join(', ')}`);
  return found;
}

export function frameworkById(id: string): Framework {
  const found = FRAMEWORKS.find((f) => f.id === id);
  if (!found) throw new NotFoundError(`no framework ${JSON.stringify(id)}: choose from ${FRAMEWORKS.map((f) => f.id).join(', ')}`);
  return found;
}

export type { Framework, FrameworkId };
