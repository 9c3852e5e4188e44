import type { Framework } from './types.ts';

/**
 * A year that inherits the previous one: the fields it sets replace the base's, and `changes` says why, in words. The
 * result is frozen so that no engine can alter a framework it is handed.
 */
export function extend(base: Framework, changes: Partial<Omit<Framework, 'inherits'>> & Pick<Framework, 'id' | 'year' | 'title' | 'changes'>): Framework {
  return deepFreeze({ ...base, ...changes, inherits: base.id });
}

export function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const child of Object.values(value as Record<string, unknown>)) deepFreeze(child);
  }
  return value;
}
