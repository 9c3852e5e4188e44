import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { LetterEditOp } from '../domain/letter-edit.ts';
import { Command, CommanderError, InvalidArgumentError, Option } from 'commander';
import { ImportRejectedError, NotFoundError, StoreError, UsageError } from '../domain/errors.ts';
import { readSettings } from './framework-options.ts';
import { defaultDataDir, NO_DATA_FOLDER } from '../ingest/data-dir.ts';
import { letterSettingsFrom } from './deployment.ts';
import { describeLocation, openStore, restoreStore, storeLocation } from '../store/open-store.ts';
import type { Store } from '../store/repository.ts';
import { exitQuietlyOnClosedPipe, processIo } from './io.ts';
import { frameworkYearHelp, frameworkYears, wordYears } from '../frameworks/years.ts';
import { SYNTHETIC_YEARS } from '../synth/years.ts';
import { ACCOUNT_ROLES } from '../domain/roles.ts';

/** The framework years, from the registry (src/frameworks/years.ts): every --year option's range and help say them. */
const YEARS = frameworkYears();
const YEAR_HELP = frameworkYearHelp();

// Commands load on use, so that `kingsway las` does not pay for the generator or the importers.
const commands = {
  assess: () => import('./commands/assess.ts'),
  explain: () => import('./commands/explain.ts'),
  whatIf: () => import('./commands/what-if.ts'),
  judge: () => import('./commands/judge.ts'),
  letter: () => import('./commands/letter.ts'),
  letterEdit: () => import('./commands/letter-edit.ts'),
  serve: () => import('./commands/serve.ts'),
  calibrate: () => import('./commands/calibrate.ts'),
  evaluate: () => import('./commands/evaluate.ts'),
  letters: () => import('./commands/letters.ts'),
  datasets: () => import('./commands/datasets.ts'),
  generate: () => import('./commands/generate.ts'),
  import: () => import('./commands/import.ts'),
  las: () => import('./commands/las.ts'),
  profile: () => import('./commands/profile.ts'),
  profilePack: () => import('./commands/profile-pack.ts'),
  showLa: () => import('./commands/show-la.ts'),
  user: () => import('./commands/user.ts'),
  audit: () => import('./commands/audit.ts'),
};

/**
 * The `kingsway` command. Each subcommand opens the store named by --db (or KINGSWAY_DB, default ./kingsway.db),
 * runs one function from ./commands, and closes it. Named errors become a one-line message and an exit code:
 * 1 for rejected input or missing data, 2 for a usage error; anything else is a bug and shows its stack.
 */
const io = processIo();
exitQuietlyOnClosedPipe();
const program = new Command('kingsway')
  .description(`Ofsted's annual assessment of local authority children's services (${YEARS.official[0]}-${YEARS.official.at(-1)}), reconstructed, and applied to today's data (${wordYears(YEARS.indicators)})`)
  .addOption(new Option('--db <path|url>', 'the database: an SQLite file, or a PostgreSQL server as postgres://user@host:port/database').env('KINGSWAY_DB').default('./kingsway.db'))
  .showHelpAfterError()
  // `letter` has options of its own and subcommands (`letter edit`) with theirs: each takes the options after it.
  .enablePositionalOptions()
  // Commander reports its own usage errors (and help); we choose the exit code: 2 for a usage error.
  .exitOverride();

const integer = (name: string, min: number, max: number) => (value: string) => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < min || n > max) throw new InvalidArgumentError(`${name} must be a whole number from ${min} to ${max}, not ${JSON.stringify(value)}`);
  return n;
};

/** The store --db names: a file path (SQLite, the default) or a postgres:// URL. */
const location = () => storeLocation(program.opts<{ db: string }>().db);

async function withStore<T>(run: (store: Store) => Promise<T>): Promise<T> {
  const store = await openStore(location());
  try {
    return await run(store);
  } finally {
    await store.close();
  }
}

const collect = (value: string, previous: string[]) => [...previous, value];
/** Today's date, for the import's check that no evidence is dated in the future: the clock belongs to the shell. */
const today = () => new Date().toISOString().slice(0, 10);

program
  .command('import')
  .description('import the published data (LA lists, neighbours, LAIT, ILACS, hex map) and any evidence bundles')
  .option('--data <dir>', 'folder of published data laid out as shared/data (default: $KINGSWAY_DATA, else the copy in data/published)')
  .option('--no-data', 'skip the published data; import only --bundle folders')
  .option('--bundle <dir>', 'an evidence bundle folder (repeatable)', collect, [])
  .option('--only <names>', 'only these published sources, comma-separated: la-codes, neighbours-2021, neighbours-2025, lait, ilacs, ofsted-providers, hexmap')
  .option('--aliases <file>', 'JSON file of extra column names per bundle file kind')
  .option('--dry-run', 'validate everything and report, writing nothing')
  .action(async (opts: { data?: string | false; bundle: string[]; only?: string; aliases?: string; dryRun?: boolean }) => {
    const dataDir = opts.data === false ? undefined : (opts.data ?? defaultDataDir(process.env));
    if (opts.data === undefined && dataDir === undefined && opts.bundle.length === 0) throw new NotFoundError(`${NO_DATA_FOLDER}; or give --bundle`);
    const { runImport, reportImport } = await commands.import();
    const results = await withStore((store) =>
      runImport(store, { dataDir, bundles: opts.bundle, dryRun: opts.dryRun === true, today: today(), ...(opts.only ? { only: opts.only.split(',').map((s) => s.trim()) } : {}), ...(opts.aliases ? { aliasesFile: opts.aliases } : {}) }, io),
    );
    reportImport(results, io, opts.dryRun === true);
    if (results.some((r) => r.status === 'rejected')) process.exitCode = 1;
  });

program
  .command('generate')
  .description('write the SYNTHETIC national evidence bundle for a year (needs the LA lists imported)')
  .requiredOption('--year <year>', `assessment year, ${SYNTHETIC_YEARS.first} to ${SYNTHETIC_YEARS.last}`, integer('--year', SYNTHETIC_YEARS.first, SYNTHETIC_YEARS.last))
  .option('--seed <n>', 'random seed: the same seed gives the same bundle', integer('--seed', 0, 2 ** 31 - 1), 1)
  .option('-o, --out <dir>', 'output folder (default out/synthetic-<year>-seed<n>)')
  .option('--vintage <v>', 'statistical-neighbour vintage to shape similar areas')
  .option('--import', 'import the bundle once written')
  .action(async (opts: { year: number; seed: number; out?: string; vintage?: string; import?: boolean }) => {
    const { runGenerate } = await commands.generate();
    const { runImport, reportImport } = await commands.import();
    await withStore(async (store) => {
      const dir = await runGenerate(store, { year: opts.year, seed: opts.seed, ...(opts.out ? { outDir: opts.out } : {}), ...(opts.vintage ? { vintage: opts.vintage } : {}) }, io);
      if (opts.import) {
        const results = await runImport(store, { dataDir: undefined, bundles: [dir], dryRun: false, today: today() }, io);
        reportImport(results, io, false);
        if (results.some((r) => r.status === 'rejected')) process.exitCode = 1;
      }
    });
  });

program
  .command('las')
  .description('list the local authorities (of a year: those existing on 1 April of it)')
  .option('--year <year>', 'assessment year', integer('--year', 1990, 2100))
  .option('--json', 'JSON output')
  .action(async (opts: { year?: number; json?: boolean }) => {
    const { runLas } = await commands.las();
    await withStore((store) => runLas(store, { ...(opts.year === undefined ? {} : { year: opts.year }), json: opts.json === true }, io));
  });

program
  .command('profile')
  .description("an LA's performance profile for a framework year: Blocks A, B and C")
  .option('--la <code>', 'the LA by DfE code, e.g. 356')
  .option('--name <name>', 'the LA by name instead')
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the earliest stored)')
  .option('--json', 'the whole profile as JSON')
  .option('--csv', 'Blocks A and C as one CSV table')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year: cut-offs, tolerance, similar areas, rules left out')
  .option('--similar-areas <method>', 'how neighbours make the similar-areas figure: mean (LAIT) or median (CSC dashboard)')
  .action(async (opts: { la?: string; name?: string; year: number; vintage?: string; json?: boolean; csv?: boolean; settings?: string; similarAreas?: string }) => {
    if (opts.json && opts.csv) throw new UsageError('choose one of --json and --csv');
    const { runProfile } = await commands.profile();
    await withStore((store) =>
      runProfile(store, { ...(opts.la ? { la: opts.la } : {}), ...(opts.name ? { name: opts.name } : {}), year: opts.year, ...(opts.vintage ? { vintage: opts.vintage } : {}), settings: readSettings(opts), format: opts.json ? 'json' : opts.csv ? 'csv' : 'table' }, io),
    );
  });

program
  .command('profile-pack')
  .description("an LA's performance profile pack for a year as a PDF (the site's profile.pdf): the grade and its trace, Blocks A, B and C with their charts and tables, neighbours and sources, as Ofsted's staff see it")
  .option('--la <code>', 'the LA by DfE code, e.g. 356')
  .option('--name <name>', 'the LA by name instead')
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .requiredOption('--out <file>', 'the file to write: FILE.pdf (needs the Debian chromium package), or FILE.html for the page it is printed from')
  .option('--history', "add the LA's grade in every other year (assesses every year first: slower)")
  .action(async (opts: { la?: string; name?: string; year: number; out: string; history?: boolean }) => {
    if ((opts.la === undefined) === (opts.name === undefined)) throw new UsageError('give one of --la and --name');
    const { runProfilePack } = await commands.profilePack();
    // The clock belongs to the shell: the day printed on the pack.
    await withStore((store) => runProfilePack(store, { ...(opts.la ? { la: opts.la } : {}), ...(opts.name ? { name: opts.name } : {}), year: opts.year, out: opts.out, printedOn: today(), history: opts.history === true, letter: letterSettingsFrom(process.env) }, io));
  });

program
  .command('assess')
  .description('assess every LA of a framework year (or those given): derived and final grade, limiting rules, direction, and the distribution beside the published one')
  .option('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--framework <id>', 'the framework by id instead of --year, e.g. assessment-2011 or indicators-2025')
  .option('--la <code>', 'only this LA (repeatable)', collect, [])
  .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the framework’s, else the earliest stored)')
  .option('--json', 'JSON output')
  .option('--csv', 'one CSV row per LA')
  .option('--summary', 'only the distribution beside the published one, not the table of LAs')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year: cut-offs, tolerance, similar areas, rules left out')
  .option('--similar-areas <method>', 'how neighbours make the similar-areas figure: mean (LAIT) or median (CSC dashboard)')
  .action(async (opts: { year?: number; framework?: string; la: string[]; vintage?: string; json?: boolean; csv?: boolean; summary?: boolean; settings?: string; similarAreas?: string }) => {
    if ([opts.json, opts.csv, opts.summary].filter(Boolean).length > 1) throw new UsageError('choose one of --json, --csv and --summary');
    if ((opts.year === undefined) === (opts.framework === undefined)) throw new UsageError('give one of --year and --framework');
    const { frameworkById } = await import('../frameworks/index.ts');
    const year = opts.year ?? frameworkById(opts.framework!).year;
    const { runAssess } = await commands.assess();
    await withStore((store) =>
      runAssess(store, { year, settings: readSettings(opts), ...(opts.la.length > 0 ? { las: opts.la } : {}), ...(opts.vintage ? { vintage: opts.vintage } : {}), format: opts.json ? 'json' : opts.csv ? 'csv' : opts.summary ? 'summary' : 'table' }, io),
    );
  });

program
  .command('explain')
  .description("an LA's grade explained: each step of the trace with its evidence, then the inspector's decision")
  .option('--la <code>', 'the LA by DfE code, e.g. 356')
  .option('--name <name>', 'the LA by name instead')
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the earliest stored)')
  .option('--json', 'the assessment and its trace as JSON')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year: cut-offs, tolerance, similar areas, rules left out')
  .option('--similar-areas <method>', 'how neighbours make the similar-areas figure: mean (LAIT) or median (CSC dashboard)')
  .action(async (opts: { la?: string; name?: string; year: number; vintage?: string; json?: boolean ; settings?: string; similarAreas?: string }) => {
    const { runExplain } = await commands.explain();
    await withStore((store) => runExplain(store, { ...(opts.la ? { la: opts.la } : {}), ...(opts.name ? { name: opts.name } : {}), year: opts.year, ...(opts.vintage ? { vintage: opts.vintage } : {}), json: opts.json === true, settings: readSettings(opts) }, io));
  });

program
  .command('what-if')
  .description("what would move an LA's grade: how far it stands from each boundary, and the smallest changes in the evidence that would raise or lower it, each derived again by the engine")
  .option('--la <code>', 'the LA by DfE code, e.g. 356')
  .option('--name <name>', 'the LA by name instead')
  .option('--all', "every LA of the year, one row each: its grade, its distance to the boundaries and its smallest change each way")
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the earliest stored)')
  .option('--json', 'as JSON, as the API gives it (with each new grade\'s trace)')
  .option('--csv', 'as CSV, one row per LA')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year: cut-offs, tolerance, similar areas, rules left out')
  .option('--similar-areas <method>', 'how neighbours make the similar-areas figure: mean (LAIT) or median (CSC dashboard)')
  .action(async (opts: { la?: string; name?: string; all?: boolean; year: number; vintage?: string; json?: boolean; csv?: boolean; settings?: string; similarAreas?: string }) => {
    const chosen = [opts.la !== undefined, opts.name !== undefined, opts.all === true].filter(Boolean).length;
    if (chosen !== 1) throw new UsageError('what-if needs one of --la CODE, --name NAME or --all');
    if (opts.json && opts.csv) throw new UsageError('what-if takes --json or --csv, not both');
    const { runWhatIf } = await commands.whatIf();
    await withStore((store) =>
      runWhatIf(store, { ...(opts.la ? { la: opts.la } : {}), ...(opts.name ? { name: opts.name } : {}), all: opts.all === true, year: opts.year, ...(opts.vintage ? { vintage: opts.vintage } : {}), format: opts.json ? 'json' : opts.csv ? 'csv' : 'text', settings: readSettings(opts) }, io),
    );
  });

program
  .command('judge')
  .description("record an inspector's final grade (or a withheld outcome) beside the derived one, which is kept")
  .option('--la <code>', 'the LA by DfE code, e.g. 356')
  .option('--name <name>', 'the LA by name instead')
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--grade <n>', 'the final grade, 1 (performs poorly) to 4 (performs excellently)', integer('--grade', 1, 4))
  .option('--withhold', 'withhold the outcome; --rationale gives the reason')
  .requiredOption('--rationale <text>', 'why: shown wherever the final grade is')
  .requiredOption('--by <name>', 'who judged')
  .option('--vintage <v>', 'statistical-neighbour vintage used for the derived grade (default: the earliest stored)')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year: cut-offs, tolerance, similar areas, rules left out')
  .option('--similar-areas <method>', 'how neighbours make the similar-areas figure: mean (LAIT) or median (CSC dashboard)')
  .action(async (opts: { la?: string; name?: string; year: number; grade?: number; withhold?: boolean; rationale: string; by: string; vintage?: string ; settings?: string; similarAreas?: string }) => {
    const { runJudge } = await commands.judge();
    await withStore((store) =>
      runJudge(
        store,
        {
          ...(opts.la ? { la: opts.la } : {}),
          ...(opts.name ? { name: opts.name } : {}),
          year: opts.year,
          ...(opts.grade === undefined ? {} : { grade: opts.grade }),
          ...(opts.withhold ? { withhold: true } : {}),
          rationale: opts.rationale,
          by: opts.by,
          // The clock belongs to the shell: the core and its tests never read it.
          at: new Date().toISOString(),
          ...(opts.vintage ? { vintage: opts.vintage } : {}),
          settings: readSettings(opts),
        },
        io,
      ),
    );
  });

// --year is checked in the action, not by Commander: a required option on `letter` would be demanded of
// `letter edit` too, before Commander reaches the subcommand.
const letterOptions = (c: Command) =>
  c
    .option('--la <code>', 'the LA by DfE code, e.g. 356')
    .option('--name <name>', 'the LA by name instead')
    .option('--year <year>', `${YEAR_HELP} (required)`, integer('--year', YEARS.first, YEARS.last))
    .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the earliest stored)')
    .option('--settings <file>', 'JSON file of analyst settings over the framework year')
    .option('--similar-areas <method>', 'mean or median');
type LetterOpts = { la?: string; name?: string; year?: number; vintage?: string; settings?: string; similarAreas?: string };
const letterTarget = (opts: LetterOpts) => {
  if (opts.year === undefined) throw new UsageError("required option '--year <year>' not specified");
  return { ...(opts.la ? { la: opts.la } : {}), ...(opts.name ? { name: opts.name } : {}), year: opts.year, ...(opts.vintage ? { vintage: opts.vintage } : {}), settings: readSettings(opts), letter: letterSettingsFrom(process.env) };
};

const letter = letterOptions(
  program
    .command('letter')
    .enablePositionalOptions()
    .description("an LA's letter for a year, written from its assessment with the inspectors' edits (Markdown, HTML, PDF, DOCX, or JSON with each sentence's id and evidence)"),
)
  .addOption(new Option('--format <format>', 'md, html, pdf (needs the Debian chromium package), docx or json').choices(['md', 'html', 'pdf', 'docx', 'json']).default('md'))
  .option('-o, --out <dir>', 'write <dir>/<code>-<year>.<format> instead of printing')
  .option('--no-edits', 'the letter as generated, without the inspectors\' edits')
  .action(async (opts: LetterOpts & { format: 'md' | 'html' | 'pdf' | 'docx' | 'json'; out?: string; edits: boolean }) => {
    const { runLetter } = await commands.letter();
    await withStore((store) => runLetter(store, { ...letterTarget(opts), format: opts.format, ...(opts.out ? { out: opts.out } : {}), edits: opts.edits }, io));
  });

letterOptions(letter.command('edit').description("record an inspector's edit to the letter: reword, remove, add or move a sentence (ids from --format json), or revert an edit"))
  .requiredOption('--by <name>', 'who made the edit')
  .option('--reword <id>', 'replace the words of a sentence with --text')
  .option('--remove <id>', 'leave a sentence, paragraph or bullet out')
  .option('--add-after <id>', 'add --text as a sentence after a sentence, or as a new paragraph or bullet after a block or at the end of a section')
  .option('--move <id>', 'move a sentence (or a paragraph or bullet) to after --after')
  .option('--after <id>', 'where --move puts it')
  .option('--text <text>', 'the words for --reword or --add-after')
  .option('--revert <n>', 'withdraw edit n (it stays in the history)', integer('--revert', 1, Number.MAX_SAFE_INTEGER))
  .option('--file <edits.json>', 'a JSON array of edits, recorded together or not at all (docs/letters.md)')
  .action(async (opts: LetterOpts & { by: string; reword?: string; remove?: string; addAfter?: string; move?: string; after?: string; text?: string; revert?: number; file?: string }) => {
    const chosen = [opts.reword, opts.remove, opts.addAfter, opts.move, opts.revert, opts.file].filter((x) => x !== undefined);
    if (chosen.length !== 1) throw new UsageError('give one of --reword, --remove, --add-after, --move, --revert or --file');
    const needsText = opts.reword !== undefined || opts.addAfter !== undefined;
    if (needsText && opts.text === undefined) throw new UsageError(`${opts.reword !== undefined ? '--reword' : '--add-after'} needs --text`);
    if (opts.move !== undefined && opts.after === undefined) throw new UsageError('--move needs --after');
    const { readLetterEditsFile } = await import('../ingest/letter-edits-file.ts');
    const changes: LetterEditOp[] = opts.file
      ? readLetterEditsFile(opts.file)
      : opts.reword !== undefined
        ? [{ op: 'reword', target: opts.reword, text: opts.text! }]
        : opts.remove !== undefined
          ? [{ op: 'remove', target: opts.remove }]
          : opts.addAfter !== undefined
            ? [{ op: 'add', after: opts.addAfter, text: opts.text! }]
            : opts.move !== undefined
              ? [{ op: 'move', target: opts.move, after: opts.after! }]
              : [{ op: 'revert', edit: opts.revert! }];
    const { runLetterEdit } = await commands.letterEdit();
    // The clock belongs to the shell: the core and its tests never read it.
    await withStore((store) => runLetterEdit(store, { ...letterTarget(opts), changes, by: opts.by, at: new Date().toISOString() }, io));
  });

letterOptions(letter.command('edits').description("the inspectors' edits to the letter, in order, and those that need review because the evidence changed")).action(async (opts: LetterOpts) => {
  const { runLetterEdits } = await commands.letterEdit();
  await withStore((store) => runLetterEdits(store, letterTarget(opts), io));
});

program
  .command('letters')
  .description("every LA's letter for a year, in each format asked for, into one folder")
  .requiredOption('--year <year>', YEAR_HELP, integer('--year', YEARS.first, YEARS.last))
  .option('--format <formats>', 'comma-separated: md, html, pdf, docx', 'html')
  .requiredOption('-o, --out <dir>', 'the folder to write <code>-<year>.<format> files into')
  .option('--vintage <v>', 'statistical-neighbour vintage for similar areas (default: the earliest stored)')
  .option('--settings <file>', 'JSON file of analyst settings over the framework year')
  .option('--similar-areas <method>', 'mean or median')
  .option('--lint', "run each letter through the style checks and list what they find (docs/letters.md, 'Style and length')")
  .action(async (opts: { year: number; format: string; out: string; vintage?: string; settings?: string; similarAreas?: string; lint?: boolean }) => {
    const formats = opts.format.split(',').map((f) => f.trim()).filter((f) => f !== '');
    const bad = formats.filter((f) => !['md', 'html', 'pdf', 'docx'].includes(f));
    if (bad.length > 0) throw new UsageError(`--format ${JSON.stringify(bad[0])} is not one of md, html, pdf, docx`);
    const { runLetters } = await commands.letters();
    const result = await withStore((store) => runLetters(store, { year: opts.year, formats: formats as ('md' | 'html' | 'pdf' | 'docx')[], out: opts.out, ...(opts.vintage ? { vintage: opts.vintage } : {}), settings: readSettings(opts), letter: letterSettingsFrom(process.env), lint: opts.lint ?? false }, io));
    if (result.failed.length > 0) process.exitCode = 1;
  });

const show = program.command('show').description('show what is stored about something');
show
  .command('la [code]')
  .description('an LA with its neighbours and what is stored about it')
  .option('--name <name>', 'find the LA by name instead of code')
  .option('--vintage <v>', 'statistical-neighbour vintage (default: the earliest stored)')
  .option('--json', 'JSON output')
  .action(async (code: string | undefined, opts: { name?: string; vintage?: string; json?: boolean }) => {
    const { runShowLa } = await commands.showLa();
    await withStore((store) =>
      runShowLa(store, { ...(code === undefined ? {} : { code }), ...(opts.name ? { name: opts.name } : {}), ...(opts.vintage ? { vintage: opts.vintage } : {}), json: opts.json === true }, io),
    );
  });

program
  .command('datasets')
  .description('list the stored datasets, real and synthetic')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    const { runDatasets } = await commands.datasets();
    await withStore((store) => runDatasets(store, { json: opts.json === true }, io));
  });

program
  .command('evaluate')
  .description("test Kingsway's indicator-only grades against inspectors' judgements")
  .command('ilacs')
  .description("predictors of each ILACS inspection's overall effectiveness on the same inspections (Kingsway, the 2011 cut-offs, carry-forward, always good): kappa with its bootstrap interval, exact and within-one agreement, recall by grade; then the scraped ILACS history checked against Ofsted's outcomes table")
  .option('--json', 'every inspection compared, and the figures, as JSON')
  .option('--data <dir>', "folder of published data holding Ofsted's outcomes table, for the cross-check (default: $KINGSWAY_DATA, else data/published)")
  .action(async (opts: { json?: boolean; data?: string }) => {
    const { runEvaluateIlacs } = await commands.evaluate();
    await withStore((store) => runEvaluateIlacs(store, { json: opts.json ?? false, dataDir: opts.data ?? defaultDataDir(process.env) }, io));
  });

const user = program.command('user').description("people's accounts (issue 15): add, list, disable, set a password; the audit log records each change");
/** --password-stdin's password, read from the pipe; none without the flag (one is then generated and printed once). */
const stdinPassword = async (given: boolean | undefined): Promise<{ password?: string }> => {
  if (!given) return {};
  const { passwordFromStdin } = await commands.user();
  return { password: passwordFromStdin({ isTTY: process.stdin.isTTY === true, read: () => readFileSync(0, 'utf8') }) };
};
user
  .command('add')
  .description('add an account; without --password-stdin a password is generated and printed once')
  .requiredOption('--name <name>', 'the person\'s name, as their judgements, edits and comments will show it (unique, never reused)')
  .requiredOption('--role <role>', `one of ${ACCOUNT_ROLES.join(', ')}`)
  .option('--la <code>', 'for the la role, and only for it: the LA the account belongs to, by DfE code, e.g. 356')
  .option('--password-stdin', 'read the password from standard input (piped), at least 12 characters and not the name')
  .action(async (opts: { name: string; role: string; la?: string; passwordStdin?: boolean }) => {
    const { runUserAdd, commandLineActor } = await commands.user();
    const password = await stdinPassword(opts.passwordStdin);
    // The clock belongs to the shell: the core and its tests never read it.
    await withStore((store) => runUserAdd(store, { name: opts.name, role: opts.role, ...(opts.la === undefined ? {} : { la: opts.la }), ...password, at: new Date().toISOString(), by: commandLineActor() }, io));
  });
user
  .command('list')
  .description('every account, disabled ones included')
  .option('--json', 'JSON output')
  .action(async (opts: { json?: boolean }) => {
    const { runUserList } = await commands.user();
    await withStore((store) => runUserList(store, { json: opts.json === true }, io));
  });
user
  .command('disable')
  .description('disable an account for good and end its sessions (it stays listed, and its name is not reused)')
  .requiredOption('--name <name>', 'the account\'s name')
  .action(async (opts: { name: string }) => {
    const { runUserDisable, commandLineActor } = await commands.user();
    await withStore((store) => runUserDisable(store, { name: opts.name, at: new Date().toISOString(), by: commandLineActor() }, io));
  });
user
  .command('password')
  .description("set an account's password and end its sessions; without --password-stdin a password is generated and printed once")
  .requiredOption('--name <name>', 'the account\'s name')
  .option('--password-stdin', 'read the password from standard input (piped), at least 12 characters and not the name')
  .action(async (opts: { name: string; passwordStdin?: boolean }) => {
    const { runUserPassword, commandLineActor } = await commands.user();
    const password = await stdinPassword(opts.passwordStdin);
    await withStore((store) => runUserPassword(store, { name: opts.name, ...password, at: new Date().toISOString(), by: commandLineActor() }, io));
  });

program
  .command('audit')
  .description('the audit log of every action (who, role, when, what, before and after), oldest first')
  .option('--la <code>', 'only events about this LA, by DfE code')
  .option('--year <year>', 'only events about this assessment year', integer('--year', YEARS.first, YEARS.last))
  .option('--action <action>', 'only this kind of action, e.g. account-added, signed-in, judgement-recorded')
  .option('--csv', 'CSV output, for a spreadsheet (formula-like cells are escaped)')
  .action(async (opts: { la?: string; year?: number; action?: string; csv?: boolean }) => {
    const { runAudit } = await commands.audit();
    await withStore((store) => runAudit(store, { ...(opts.la === undefined ? {} : { la: opts.la }), ...(opts.year === undefined ? {} : { year: opts.year }), ...(opts.action === undefined ? {} : { action: opts.action }), csv: opts.csv === true }, io));
  });

program
  .command('backup')
  .description('write a consistent snapshot of the whole store to a new file (never over an existing one)')
  .argument('<path>', 'the backup file to write')
  .action(async (path: string) => {
    await withStore(async (store) => {
      const { pages } = await store.backup(resolve(path));
      io.out(`backed up ${describeLocation(location())} to ${resolve(path)} (${pages} pages)`);
    });
  });

program
  .command('restore')
  .description('replace the store with a backup, after checking it is a Kingsway database this version can read')
  .argument('<path>', 'the backup file to restore')
  .action(async (path: string) => {
    await restoreStore(location(), path);
    // Opening it migrates a backup from an older Kingsway to this schema.
    await withStore(async (store) => io.out(`restored ${describeLocation(location())} from ${resolve(path)} (${(await store.datasets()).length} datasets)`));
  });

program
  .command('calibrate')
  .description('fit the calibrated method of the indicator years on ILACS inspections that ended before 2023, and show the fitted numbers')
  .option('--write', 'store the fitted numbers as framework data (src/frameworks/indicators/calibration.ts)')
  .action(async (opts: { write?: boolean }) => {
    const { runCalibrate } = await commands.calibrate();
    await withStore((store) => runCalibrate(store, { today: today(), write: opts.write ?? false }, io));
  });

program
  .command('serve')
  .description('the web application and JSON API, on loopback by default, until Ctrl+C')
  .option('--port <n>', 'port to listen on', integer('--port', 0, 65535), 3000)
  .option('--host <address>', 'address to listen on (0.0.0.0 to be reachable from other machines)', '127.0.0.1')
  .option('--log', 'log each request')
  .option('--allowed-host <name>', 'a host name the site answers to, as browsers send it (name, or name:port); repeat for each (default: localhost, 127.0.0.1 and --host, with --port)', (value: string, previous: string[] | undefined) => [...(previous ?? []), value])
  .option('--secure-cookies', 'the site is reached over HTTPS (say, through a reverse proxy): Secure __Host- cookies and HSTS (the default unless --host is loopback with no --trust-proxy)')
  .option('--no-secure-cookies', 'plain-named cookies without Secure, to sign in over plain http')
  .option('--trust-proxy <addresses>', "the reverse proxy's addresses (comma-separated IPs or CIDR ranges, such as 127.0.0.1): believe its X-Forwarded-For and -Host, so that rate limits count each visitor")
  .action(async (opts: { port: number; host: string; log?: boolean; allowedHost?: string[]; secureCookies?: boolean; trustProxy?: string }) => {
    const { runServe } = await commands.serve();
    const security = { allowedHosts: opts.allowedHost ?? [], ...(opts.secureCookies !== undefined ? { secureCookies: opts.secureCookies } : {}), ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}) };
    await withStore((store) => runServe(store, { port: opts.port, host: opts.host, log: opts.log ?? false, letter: letterSettingsFrom(process.env), ...security }, io));
  });

program
  .command('demo')
  .description('the main job on the embedded default: import the published data, generate and import the synthetic 2011 national dataset, and assess every LA')
  .option('--data <dir>', 'folder of published data (default: $KINGSWAY_DATA, else the copy in data/published)')
  .option('--seed <n>', 'seed of the synthetic dataset', integer('--seed', 0, 2 ** 31 - 1), 1)
  .action(async (opts: { data?: string; seed: number }) => {
    const dataDir = opts.data ?? defaultDataDir(process.env);
    // Exit 1, not a usage error: the command was right, the data is not there (and the quick start must not go on).
    if (dataDir === undefined) throw new NotFoundError(NO_DATA_FOLDER);
    const { runGenerate } = await commands.generate();
    const { runImport, reportImport } = await commands.import();
    if (!existsSync(dataDir)) throw new NotFoundError(`the data folder ${dataDir} does not exist: name a folder laid out as data/published is (data/published/SOURCES.md) with --data or KINGSWAY_DATA, or set neither to use the copy the project carries`);
    await withStore(async (store) => {
      // The published data first, reported before anything is generated from it: a rejected source stops the job.
      const published = await runImport(store, { dataDir, bundles: [], dryRun: false, today: today() }, io);
      if (published.some((r) => r.status === 'rejected')) {
        reportImport(published, io, false);
        io.err('kingsway: the main job stopped because published data was rejected (above); nothing was generated');
        process.exitCode = 1;
        return;
      }
      const dir = await runGenerate(store, { year: 2011, seed: opts.seed }, io);
      const results = [...published, ...(await runImport(store, { dataDir: undefined, bundles: [dir], dryRun: false, today: today() }, io))];
      reportImport(results, io, false);
      if (results.some((r) => r.status === 'rejected')) {
        process.exitCode = 1;
        return;
      }
      io.out('');
      const { runAssess } = await commands.assess();
      await runAssess(store, { year: 2011, format: 'summary' }, io);
      io.out('');
      const { runDemoProcess } = await import('./commands/demo-process.ts');
      await runDemoProcess(store, { at: new Date().toISOString(), letter: letterSettingsFrom(process.env) }, io);
      io.out('');
      io.out(`Store: ${program.opts<{ db: string }>().db}. Try: kingsway assess --year 2011 | kingsway explain --la 356 --year 2011 | kingsway profile --la 356 --year 2011 | kingsway show la 356`);
    });
  });

try {
  await program.parseAsync(process.argv);
} catch (error) {
  io.endProgress();
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2;
  } else if (error instanceof UsageError) {
    io.err(`kingsway: ${error.message}`);
    process.exitCode = 2;
  } else if (error instanceof NotFoundError || error instanceof StoreError || error instanceof ImportRejectedError || (error instanceof Error && error.name === 'PdfTimeoutError')) {
    // (A PdfTimeoutError is told by its name, so that this file need not load the PDF printer and Playwright.)
    io.err(`kingsway: ${error.message}`);
    process.exitCode = 1;
  } else {
    throw error;
  }
}
