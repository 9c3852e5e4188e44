/** The little of @duckdb/node-api the benchmark uses, typed here because the package is not a dependency. */
export declare class DuckDBInstance {
  static create(path: string): Promise<DuckDBInstance>;
  connect(): Promise<DuckDBConnection>;
  closeSync(): void;
}
export declare class DuckDBConnection {
  run(sql: string): Promise<unknown>;
  runAndReadAll(sql: string): Promise<{ getRows(): unknown[][] }>;
  closeSync(): void;
}
export declare function version(): string;
