/** One instance per database handle, made on first use: a process's ingest state and caches live as long as the handle. */
import type { Kysely } from 'kysely';
import type { Database } from './schema.ts';

export function perDatabase<T>(make: (db: Kysely<Database>) => T): (db: Kysely<Database>) => T {
  const made = new WeakMap<Kysely<Database>, T>();
  return (db) => {
    let instance = made.get(db);
    if (instance === undefined) {
      instance = make(db);
      made.set(db, instance);
    }
    return instance;
  };
}
