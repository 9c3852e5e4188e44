import type { Addressee } from '../domain/addressee.ts';
import type { LocalAuthority } from '../domain/local-authority.ts';
import type { Framework, ScaleLevel } from '../frameworks/types.ts';
import type { Assessment } from '../judgement/assess.ts';
import type { Bullet } from './bullets.ts';
import { bullets } from './bullets.ts';
import type { Sentence } from './sentence.ts';
import { summarySentences } from './summary.ts';

/**
 * A letter as data, before any format: the parts of the year's letter in the seeds' order (shared/docs/framework.md
 * §8). The fixed parts come from the framework year; the summary and the bullets are written from the evidence, each
 * sentence with the evidence it states. Renderers (src/render/) turn it into Markdown, HTML, PDF and DOCX.
 */
export interface LetterDraft {
  readonly la: LocalAuthority;
  readonly year: number;
  readonly framework: Framework['id'];
  /** True when any of the evidence is synthetic: every rendering says so. */
  readonly synthetic: boolean;
  readonly office: readonly string[];
  readonly date: string;
  readonly addressee: Addressee | null;
  readonly salutation: string;
  readonly heading: string;
  /** The year's standard paragraphs before the scale, the scale, and those after it. */
  readonly before: readonly string[];
  readonly scaleIntro: string | null;
  readonly scale: readonly ScaleLevel[];
  readonly after: readonly string[];
  readonly gradeSection: string;
  readonly gradeLine: { readonly label: string; readonly value: string };
  readonly summary: readonly Sentence[];
  readonly strengths: readonly Bullet[];
  readonly areas: readonly Bullet[];
  readonly statutory: string | null;
  readonly signatories: Framework['letter']['signatories'];
}

/** "Dear Mr Webb"; "Dear Director" where no addressee is recorded. */
function salutationFor(addressee: Addressee | null): string {
  if (!addressee) return 'Dear Director of Children’s Services';
  const surname = addressee.name.trim().split(/\s+/).at(-1) ?? addressee.name;
  return `Dear ${addressee.honorific ? `${addressee.honorific} ${surname}` : addressee.name}`;
}

export function draftLetter(a: Extract<Assessment, { status: 'assessed' }>, framework: Framework, addressee: Addressee | null, synthetic: boolean): LetterDraft {
  const p = framework.paragraphs;
  const label = framework.scale.find((s) => s.grade === a.grade)?.label ?? String(a.grade);
  const { strengths, areas } = bullets(a.profile);
  const council = a.la.formalName;
  return {
    la: a.la,
    year: framework.year,
    framework: framework.id,
    synthetic,
    office: framework.letter.office,
    date: framework.letter.date,
    addressee,
    salutation: salutationFor(addressee),
    heading: framework.letter.heading.replace('{council}', council),
    before: [p['intro'], p['transitional'], p['weight']].filter((x): x is string => x !== undefined),
    scaleIntro: p['scaleIntro'] ?? null,
    scale: framework.scale,
    after: [p['withinLevel']].filter((x): x is string => x !== undefined),
    gradeSection: framework.letter.gradeSection.replace('{council}', council),
    gradeLine: { label: framework.letter.gradeLabel, value: `${label} (${a.grade})` },
    summary: summarySentences(a, framework),
    strengths,
    areas,
    statutory: p['statutory'] ?? null,
    signatories: framework.letter.signatories,
  };
}
