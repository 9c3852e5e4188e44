import { demoAccounts, publishDemoYear, DEMO_YEAR } from '../../application/demo-process.ts';
import type { LetterSettings } from '../../narrative/letter-settings.ts';
import type { Store } from '../../store/repository.ts';
import type { Io } from '../io.ts';

/**
 * The end of `kingsway demo` (issue 15): the demo accounts, printed once with their passwords, and 2011 taken through
 * the process and published as Ofsted published it, so that `kingsway serve` shows the public what was published and
 * a newcomer can sign in as each role.
 */
export async function runDemoProcess(store: Store, options: { readonly at: string; readonly letter?: LetterSettings }, io: Io): Promise<void> {
  const { accounts, actors } = await demoAccounts(store, options.at);
  io.out('Demo accounts (DEMO ONLY: for trying Kingsway on this machine, never for real use). Passwords are shown this once:');
  for (const a of accounts) {
    const password = a.password ?? '(already existed: reset it with kingsway user password --name ' + a.name + ')';
    io.out(`  ${a.name.padEnd(20)} ${a.role.padEnd(10)} ${password}  ${a.what}`);
  }
  const result = await publishDemoYear(store, actors, options.letter);
  if (result.already > 0 && result.published === 0) io.out(`${DEMO_YEAR}: already taken through the process (${result.already} LAs); left as it is.`);
  else io.out(`${DEMO_YEAR}: ${result.published} outcomes published as on 8 November 2011; ${result.withheld.length} withheld (${result.withheld.join(', ')}), as further inspections were due.`);
  for (const r of result.refused) io.err(`  ${r.la}: not published: ${r.message}`);
  if (result.refused.length > 0) process.exitCode = 1;
}
