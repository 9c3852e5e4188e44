import { sql } from 'kysely';
import type { ColumnDataType, ColumnDefinitionBuilder, Expression } from 'kysely';

/** The databases Kingsway stores into: the embedded SQLite file, and a PostgreSQL server shared by several people. */
export type Dialect = 'sqlite' | 'postgres';

/**
 * The few places where one schema needs different words in the two dialects, so that every migration is written once
 * (issue 14: migration 001 said it could create a PostgreSQL schema, but used SQLite's AUTOINCREMENT and WITHOUT
 * ROWID). Each migration takes these and builds the same tables on either.
 */
export interface ColumnTypes {
  readonly dialect: Dialect;
  /**
   * Text, compared byte by byte. SQLite's default (BINARY) already is; PostgreSQL's follows the server's locale, which
   * would order names and codes differently from server to server, and from SQLite: "C" makes every ORDER BY agree.
   */
  readonly text: ColumnDataType | Expression<unknown>;
  /** A double-precision number. PostgreSQL's `real` is single precision (about 7 digits), which would round indicator values. */
  readonly double: ColumnDataType;
  /** A surrogate key numbered by the database: SQLite's AUTOINCREMENT, PostgreSQL's identity column (by default, so a restore can keep the numbers). */
  readonly serial: (c: ColumnDefinitionBuilder) => ColumnDefinitionBuilder;
  /** SQLite's WITHOUT ROWID for a table whose key is the row; PostgreSQL has no rowid to leave out. */
  readonly withoutRowid: ReturnType<typeof sql> | null;
}

export function columnTypes(dialect: Dialect): ColumnTypes {
  return dialect === 'sqlite'
    ? { dialect, text: 'text', double: 'real', serial: (c) => c.primaryKey().autoIncrement(), withoutRowid: sql`without rowid` }
    : { dialect, text: sql`text collate "C"`, double: 'double precision', serial: (c) => c.primaryKey().generatedByDefaultAsIdentity(), withoutRowid: null };
}
