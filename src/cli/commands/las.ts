import { NotFoundError } from '../../domain/errors.ts';
import { assessmentYearDate, existsOn } from '../../domain/local-authority.ts';
import type { LocalAuthority } from '../../domain/local-authority.ts';
import type { EvidenceRepository } from '../../store/repository.ts';
import { formatTable } from '../io.ts';
import type { Io } from '../io.ts';

/** The LAs of an assessment year (those existing on 1 April of it), one a line: code, name, region, type. */
export async function runLas(repo: EvidenceRepository, options: { year?: number; json: boolean }, io: Io): Promise<LocalAuthority[]> {
  const all = await repo.localAuthorities();
  if (all.length === 0) throw new NotFoundError('no local authorities are stored: run `kingsway import` first');
  const las = options.year === undefined ? all : all.filter((la) => existsOn(la, assessmentYearDate(options.year!)));
  if (options.json) {
    io.out(JSON.stringify(las, null, 2));
    return las;
  }
  io.out(formatTable([['code', 'name', 'region', 'type', 'gss'], ...las.map((la) => [la.code, la.name, la.region, la.type, la.gss])]));
  io.err(`${las.length} local authorities${options.year === undefined ? ' (all years)' : ` in ${options.year} (existing on ${assessmentYearDate(options.year)})`}`);
  return las;
}
