// GOV.UK Frontend's behaviour for its components (the service navigation's menu on small screens). The pages work
// without it.
import { initAll } from '/govuk/govuk-frontend.min.js';
initAll();
