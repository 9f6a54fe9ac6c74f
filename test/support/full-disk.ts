// A full disk under a console's IndexedDB: every write fails as the browser's would, while `full()` says so.
import type { Dexie } from 'dexie';

/** Call before the database is first used: Dexie builds its middleware stack when it opens. */
export function fillDiskWhen(db: Dexie, full: () => boolean): void {
  db.use({
    stack: 'dbcore',
    name: 'full disk',
    create: (down) => ({
      ...down,
      table: (name) => {
        const table = down.table(name);
        return {
          ...table,
          mutate: (request) =>
            full()
              ? Promise.reject(new DOMException('The disk is full.', 'QuotaExceededError'))
              : table.mutate(request),
        };
      },
    }),
  });
}
