import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';
import type { LetterDraft } from '../narrative/letter.ts';
import { letterDate } from '../narrative/dates.ts';

/**
 * The letter as one self-contained HTML page with print CSS for A4 (the PDF is this page printed). Each sentence is
 * a span carrying its id and the evidence it states (`data-sentence`, `data-evidence`), so that the web page and a
 * reviewer can trace every number. Rendered by Nunjucks with autoescaping: evidence text never becomes markup.
 */
const templates = fileURLToPath(new URL('./templates/', import.meta.url));
const env = new nunjucks.Environment(new nunjucks.FileSystemLoader(templates), { autoescape: true, throwOnUndefined: true });

export function letterHtml(letter: LetterDraft): string {
  return env.render('letter.njk', { letter, date: letterDate(letter.date), capacity: letter.scale.some((s) => s.capacityDescriptor) });
}
