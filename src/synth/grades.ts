import type { Judgement } from '../domain/judgement.ts';
import type { GradeShares } from './national-figures.ts';
import { normalQuantile } from './random.ts';

/**
 * Turns a standard-normal latent score into a judgement so that, over many providers, the shares match the national
 * figures: cut the normal distribution at the quantiles of the cumulative shares.
 */
export function grader(shares: GradeShares, scale: 'education' | 'social-care'): (score: number) => Judgement {
  const [o, g, s] = shares;
  const cutOutstanding = normalQuantile(1 - o);
  const cutGood = normalQuantile(1 - o - g);
  const cutSatisfactory = normalQuantile(1 - o - g - s);
  const third: Judgement = scale === 'education' ? 'satisfactory' : 'adequate';
  return (score) => (score >= cutOutstanding ? 'outstanding' : score >= cutGood ? 'good' : score >= cutSatisfactory ? third : 'inadequate');
}
