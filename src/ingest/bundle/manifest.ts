import { z } from 'zod';
import { DATASET_KINDS } from '../../domain/dataset.ts';
import { TEXT_ENCODINGS } from '../decode.ts';
import { BUNDLE_FILE_KINDS } from './spec.ts';

export const BUNDLE_FORMAT = 'kingsway-evidence-bundle';
export const BUNDLE_VERSION = 1;

/** `manifest.json` of an evidence bundle (docs/evidence-bundle.md). Validated with zod; errors name the field. */
export const Manifest = z
  .object({
    format: z.literal(BUNDLE_FORMAT),
    version: z.literal(BUNDLE_VERSION),
    dataset: z.object({
      id: z.string().regex(/^[a-z0-9][a-z0-9._-]*$/, 'lower-case letters, digits, ".", "_" and "-"'),
      kind: z.enum(DATASET_KINDS),
      title: z.string().min(1),
      source: z.string().min(1),
      licence: z.string().min(1),
    }),
    description: z.string().optional(),
    encoding: z.enum(TEXT_ENCODINGS).default('utf-8'),
    aliases: z.partialRecord(z.enum(BUNDLE_FILE_KINDS), z.record(z.string(), z.array(z.string()))).default({}),
    files: z
      .array(
        z.object({
          kind: z.enum(BUNDLE_FILE_KINDS),
          path: z.string().min(1),
          /** Data rows expected: a file cut short at a line boundary is caught by this count. */
          rows: z.number().int().nonnegative().optional(),
        }),
      )
      .min(1),
  })
  .strict();

export type Manifest = z.infer<typeof Manifest>;
