/**
 * A proportional-odds (ordinal logistic) model, fitted by penalised maximum likelihood: the calibrated method of the
 * indicator years (issue 13; docs/today.md, "A calibrated method").
 *
 * For a case with features x, the score is s = Σ βⱼxⱼ, and the chance that its grade is at most k is
 * σ(θₖ − s), with cut-offs θ₁ < θ₂ < θ₃ between the four grades. The grade Kingsway gives is the band the score falls
 * in: 1 if s ≤ θ₁, 2 if θ₁ < s ≤ θ₂, and so on — the grade whose cumulative chance first reaches one half, so each
 * piece of evidence's share of the grade is its βⱼxⱼ, in the same units as the cut-offs. A ridge penalty λ‖β‖²/2
 * keeps weights small where ~160 training inspections cannot support them; weights named `unpenalised` (the
 * previous inspection's) are left to the likelihood alone.
 *
 * Hand-written rather than taken from a package: no maintained npm package fits ordinal (cumulative-link) models; the
 * whole fit is ~60 lines of arithmetic and is tested against cases worked by hand and against the likelihood's own
 * gradient.
 */
export interface OrdinalCase {
  /** Feature values, in the order of the model's weights. */
  readonly x: readonly number[];
  /** The observed grade, 1 to 4. */
  readonly y: 1 | 2 | 3 | 4;
}

export interface OrdinalModel {
  readonly weights: readonly number[];
  /** θ₁ < θ₂ < θ₃. */
  readonly cutOffs: readonly [number, number, number];
}

const sigmoid = (z: number) => (z >= 0 ? 1 / (1 + Math.exp(-z)) : Math.exp(z) / (1 + Math.exp(z)));

export function score(model: Pick<OrdinalModel, 'weights'>, x: readonly number[]): number {
  let s = 0;
  for (let j = 0; j < model.weights.length; j++) s += model.weights[j]! * (x[j] ?? 0);
  return s;
}

/** The band a score falls in. */
export function gradeOfScore(cutOffs: readonly [number, number, number], s: number): 1 | 2 | 3 | 4 {
  return s <= cutOffs[0] ? 1 : s <= cutOffs[1] ? 2 : s <= cutOffs[2] ? 3 : 4;
}

/** The chance of each grade, 1 to 4. */
export function gradeChances(model: OrdinalModel, x: readonly number[]): [number, number, number, number] {
  const s = score(model, x);
  const [c1, c2, c3] = model.cutOffs.map((t) => sigmoid(t - s)) as [number, number, number];
  return [c1, c2 - c1, c3 - c2, 1 - c3];
}

/**
 * Parameters as one vector: the weights, then θ₁ and the logs of the gaps θ₂ − θ₁ and θ₃ − θ₂, so that any vector
 * gives cut-offs in order.
 */
function unpack(p: readonly number[], k: number): OrdinalModel {
  const t1 = p[k]!;
  const t2 = t1 + Math.exp(p[k + 1]!);
  const t3 = t2 + Math.exp(p[k + 2]!);
  return { weights: p.slice(0, k), cutOffs: [t1, t2, t3] };
}

/** The penalised negative log-likelihood and its gradient in the packed parameters. */
export function objective(p: readonly number[], cases: readonly OrdinalCase[], lambda: number, unpenalised: ReadonlySet<number> = new Set()): { value: number; gradient: number[] } {
  const k = p.length - 3;
  const model = unpack(p, k);
  const [t1, t2, t3] = model.cutOffs;
  const theta = [Number.NEGATIVE_INFINITY, t1, t2, t3, Number.POSITIVE_INFINITY];
  const g = new Array<number>(p.length).fill(0);
  // d θ / d packed: θ₁ moves all three; the first gap moves θ₂ and θ₃; the second moves θ₃.
  const gap1 = Math.exp(p[k + 1]!);
  const gap2 = Math.exp(p[k + 2]!);
  let value = 0;
  const dTheta = [0, 0, 0];
  for (const c of cases) {
    const s = score(model, c.x);
    const upper = theta[c.y]!;
    const lower = theta[c.y - 1]!;
    const Fu = upper === Number.POSITIVE_INFINITY ? 1 : sigmoid(upper - s);
    const Fl = lower === Number.NEGATIVE_INFINITY ? 0 : sigmoid(lower - s);
    const prob = Math.max(Fu - Fl, 1e-300);
    value -= Math.log(prob);
    const fu = upper === Number.POSITIVE_INFINITY ? 0 : Fu * (1 - Fu);
    const fl = lower === Number.NEGATIVE_INFINITY ? 0 : Fl * (1 - Fl);
    // d(−log prob)/ds = (fu − fl)/prob; d/dθ_upper = −fu/prob; d/dθ_lower = +fl/prob.
    const dS = (fu - fl) / prob;
    for (let j = 0; j < k; j++) g[j]! += dS * (c.x[j] ?? 0);
    if (c.y <= 3) dTheta[c.y - 1]! -= fu / prob;
    if (c.y >= 2) dTheta[c.y - 2]! += fl / prob;
  }
  for (let j = 0; j < k; j++) {
    if (unpenalised.has(j)) continue;
    value += (lambda / 2) * p[j]! ** 2;
    g[j]! += lambda * p[j]!;
  }
  g[k] = dTheta[0]! + dTheta[1]! + dTheta[2]!;
  g[k + 1] = (dTheta[1]! + dTheta[2]!) * gap1;
  g[k + 2] = dTheta[2]! * gap2;
  return { value, gradient: g };
}

/**
 * Fits by gradient descent with a backtracking line search from a fixed start (weights zero, cut-offs at the
 * training set's cumulative shares), so the same cases always give the same model.
 */
export function fitOrdinal(cases: readonly OrdinalCase[], features: number, lambda: number, options: { iterations?: number; unpenalised?: ReadonlySet<number> } = {}): OrdinalModel {
  const free = options.unpenalised ?? new Set<number>();
  if (cases.length === 0) throw new RangeError('cannot fit an ordinal model on no cases');
  const counts = [0, 0, 0, 0];
  for (const c of cases) counts[c.y - 1]!++;
  // Start the cut-offs at the logits of the cumulative shares (smoothed so an empty grade does not give ±∞).
  const cum = [1, 2, 3].map((k) => (counts.slice(0, k).reduce((a, b) => a + b, 0) + 0.5) / (cases.length + 1));
  const logit = (q: number) => Math.log(q / (1 - q));
  const t = cum.map(logit);
  let p: number[] = [...new Array<number>(features).fill(0), t[0]!, Math.log(Math.max(t[1]! - t[0]!, 1e-3)), Math.log(Math.max(t[2]! - t[1]!, 1e-3))];
  let current = objective(p, cases, lambda, free);
  let step = 1;
  const iterations = options.iterations ?? 2000;
  for (let it = 0; it < iterations; it++) {
    const norm = Math.sqrt(current.gradient.reduce((a, b) => a + b * b, 0));
    if (norm < 1e-9) break;
    let accepted = false;
    for (let tries = 0; tries < 40; tries++) {
      const next = p.map((v, i) => v - (step * current.gradient[i]!) / cases.length);
      const candidate = objective(next, cases, lambda, free);
      // Armijo condition on the scaled step.
      if (candidate.value <= current.value - (1e-4 * step * norm * norm) / cases.length) {
        p = next;
        current = candidate;
        step *= 1.5;
        accepted = true;
        break;
      }
      step /= 2;
    }
    if (!accepted) break;
  }
  return unpack(p, features);
}
