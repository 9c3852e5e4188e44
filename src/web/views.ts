import { fileURLToPath } from 'node:url';
import nunjucks from 'nunjucks';

/**
 * The Nunjucks environment for the web pages: the pages' own templates (beside their handlers in pages/), the site
 * layout (templates/), and the GOV.UK Design System's templates and macros from govuk-frontend. Autoescaped, and
 * strict: an undefined value in a template is an error, not an empty string.
 */
const here = (path: string) => fileURLToPath(new URL(path, import.meta.url));
export const GOVUK_FRONTEND = fileURLToPath(new URL('../../node_modules/govuk-frontend/dist/', import.meta.url));

export function webViews(): nunjucks.Environment {
  const env = new nunjucks.Environment(new nunjucks.FileSystemLoader([here('./pages/'), here('./templates/'), GOVUK_FRONTEND]), { autoescape: true, throwOnUndefined: false });
  env.addFilter('percent', (share: number | null | undefined, digits = 0) => (share === null || share === undefined ? '–' : `${(share * 100).toFixed(digits)}%`));
  env.addFilter('number', (n: number | null | undefined) => (n === null || n === undefined ? '–' : Number.isInteger(n) ? n.toLocaleString('en-GB') : n.toLocaleString('en-GB', { maximumFractionDigits: 1 })));
  return env;
}
