/**
 * Agreement of counts and group nouns with their nouns and verbs, as the letters write them: "one is", "two are",
 * "Five of the six special schools are good or better. The sixth school is satisfactory" (stockport-2011), "the
 * children's homes run by the local authority" (never "the children' homes"). No prose library knows which nouns
 * Kingsway counts, so this is hand-written, over the nouns of the Block A groups (src/frameworks/*: the group labels)
 * and of the LA's own inspections. [reconstruction: the nouns are the project's]
 */
export interface AgreementFault {
  readonly index: number;
  readonly text: string;
  readonly message: string;
}

const PLURALS = ['schools', 'units', 'homes', 'centres', 'childminders', 'forms', 'providers', 'colleges', 'agencies', 'settings', 'indicators', 'reviews', 'inspections', 'areas'];
const SINGULARS = ['school', 'unit', 'home', 'centre', 'childminder', 'form', 'provider', 'college', 'agency', 'setting', 'indicator', 'review', 'inspection'];
const COUNT_WORDS = 'two|three|four|five|six|seven|eight|nine|ten|(?<![-\\w])(?!(?:19|20)\\d\\d\\b)\\d+';
/** What may stand between a count and its noun: "one pupil referral unit", "the 22 children's homes". */
const MODIFIERS = "(?:(?!of\\b|the\\b|them\\b|is\\b|are\\b|and\\b)[\\w'’-]+ ){0,3}";
/** What may follow a group's noun inside its label before the verb. */
const QUALIFIERS = '(?: (?:run by the local authority|commissioned from others|maintained by the local authority|on non-domestic premises|in the area))?';

/**
 * Whether the text before a mark has a quotation open, so that the mark closes it ("… the views of children and young
 * people'", quoting an inspection finding) and is no possessive.
 */
const insideQuote = {
  test: (before: string): boolean => (before.match(/(?:^|[\s(])['‘]\p{L}/gu)?.length ?? 0) > (before.match(/\p{L}['’](?=[\s.,;:!?)]|$)/gu)?.length ?? 0),
};

const RULES: readonly { readonly pattern: RegExp; readonly message: string; readonly unless?: { test(before: string): boolean } }[] = [
  // "children'": the possessive of a plural without an s takes 's (children's, people's).
  { pattern: /\b(?:children|people|men|women)['’](?![\p{L}])/giu, message: "the possessive of a plural without an s is 's (children's)", unless: insideQuote },
  // "one are", "two is".
  { pattern: /\bone (?:are|were|have)\b/gi, message: 'one takes a singular verb (one is)' },
  { pattern: new RegExp(`\\b(?:${COUNT_WORDS}|both) (?:is|was|has)\\b`, 'gi'), message: 'a count of two or more takes a plural verb (two are)', unless: /\b(?:of|in|since|to|from|up to|than|stage|level|year)\s*$/i },
  // "one pupil referral units", "two special school".
  { pattern: new RegExp(`\\bone ${MODIFIERS}(?:${PLURALS.join('|')}|children)\\b`, 'gi'), message: 'one takes a singular noun (one pupil referral unit)' },
  { pattern: new RegExp(`\\b(?:${COUNT_WORDS}) ${MODIFIERS}(?:${SINGULARS.join('|')}|child)\\b(?!['’]s|-| sixth)`, 'gi'), message: 'a count of two or more takes a plural noun (two special schools)' },
  { pattern: new RegExp(`\\b(?:${COUNT_WORDS}) childcare on\\b`, 'gi'), message: 'childcare is not counted: childcare settings on non-domestic premises' },
  // "The children's homes commissioned from others has improved"; "the fostering agency are".
  { pattern: new RegExp(`\\bthe (?:(?!of\\b)[\\w'’-]+ ){0,3}(?:${PLURALS.join('|')})${QUALIFIERS} (?:has|is|was)\\b`, 'gi'), message: 'a plural noun takes a plural verb (the homes have)', unless: /\b(?:none|neither|each|one|any|either) of (?:[\w'’-]+ ){0,6}$|\b(?:proportion|number|percentage|rate|share) of (?:[\w'’-]+ ){0,16}$/i },
  { pattern: new RegExp(`\\bthe (?:(?!of\\b)[\\w'’-]+ ){0,3}(?:${SINGULARS.join('|')})${QUALIFIERS} (?:are|have|were)\\b`, 'gi'), message: 'a singular noun takes a singular verb (the agency is)', unless: /\band (?:[\w'’-]+ ){0,6}$|\bboth (?:[\w'’-]+ ){0,6}$/i },
];

export function agreementFaults(text: string): AgreementFault[] {
  const out: AgreementFault[] = [];
  for (const rule of RULES) {
    for (const m of text.matchAll(rule.pattern)) {
      const before = text.slice(Math.max(0, m.index - 400), m.index).split(/(?<=[.;:])\s/).at(-1) ?? '';
      if (rule.unless?.test(before)) continue;
      out.push({ index: m.index, text: m[0], message: rule.message });
    }
  }
  return out;
}
