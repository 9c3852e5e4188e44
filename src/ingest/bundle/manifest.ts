import { z } from 'zod';
import { DATASET_KINDS } from '../../domain/dataset.ts';
import { TEXT_ENCODINGS } from '../decode.ts';
import { isReservedDatasetId } from '../shared-data.ts';
import { parseDate } from '../values.ts';
import { pathProblem } from './files.ts';
import { DATASET_ID_MAX, MANIFEST_DESCRIPTION_MAX, MANIFEST_NAME_MAX, MANIFEST_PATH_MAX, textProblem } from './limits.ts';
import { BUNDLE_FILE_KINDS } from './spec.ts';

export const BUNDLE_FORMAT = 'kingsway-evidence-bundle';
export const BUNDLE_VERSION = 1;

/** A manifest string held to the bundle limits (limits.ts): a length, and no control characters. */
const limited = (max: number) =>
  z.string().superRefine((value, ctx) => {
    const problem = textProblem(value, max);
    if (problem) ctx.addIssue({ code: 'custom', message: problem });
  });
const named = (max: number) => limited(max).pipe(z.string().min(1));

/** `manifest.json` of an evidence bundle (docs/evidence-bundle.md). Validated with zod; errors name the field. */
export const Manifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    dataset: z
      .object({
        id: z
          .string()
          .max(DATASET_ID_MAX)
          .regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-"')
          .refine((id) => !isReservedDatasetId(id), 'a published source’s dataset id (see `kingsway import --only`): a bundle may not replace a published source; choose another id'),
        kind: z.enum(DATASET_KINDS),
        title: named(MANIFEST_NAME_MAX),
        source: named(MANIFEST_NAME_MAX),
        licence: named(MANIFEST_NAME_MAX),
      })
      .strict(),
    description: limited(MANIFEST_DESCRIPTION_MAX).optional(),
    /** The date the evidence is as at: no date in the bundle may be later. */
    as_at: z
      .string()
      .refine((v) => parseDate(v) === v, 'a real date written YYYY-MM-DD')
      .optional(),
    encoding: z.enum(TEXT_ENCODINGS).default('utf-8'),
    aliases: z.partialRecord(z.enum(BUNDLE_FILE_KINDS), z.record(limited(MANIFEST_NAME_MAX), z.array(limited(MANIFEST_NAME_MAX)))).default({}),
    files: z
      .array(
        z
          .object({
            kind: z.enum(BUNDLE_FILE_KINDS),
            path: named(MANIFEST_PATH_MAX).superRefine((path, ctx) => {
              const problem = pathProblem(path);
              if (problem) ctx.addIssue({ code: 'custom', message: `${problem}; refused without being read` });
            }),
            /** Data rows expected: a file cut short at a line boundary is caught by this count. */
            rows: z.number().int().nonnegative().optional(),
          })
          .strict(),
      )
      .min(1),
  })
  .strict();

export type Manifest = z.infer<typeof Manifest>;
