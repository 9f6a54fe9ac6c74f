// Loaded with `node --import` by scripts/node22.sh test, in every process of the run (the test
// workers and the servers they start): node_modules/better-sqlite3 is built for the machine's Node,
// so each module resolved inside it is taken from the copy built for Node 22 instead.
import { registerHooks } from 'node:module';
import { pathToFileURL } from 'node:url';

const installed = new URL('../node_modules/better-sqlite3/', import.meta.url).href;
const copy = pathToFileURL(`${process.env.CSS_BETTER_SQLITE3}/`).href;

registerHooks({
  resolve(specifier, context, nextResolve) {
    const resolved = nextResolve(specifier, context);
    return resolved.url.startsWith(installed)
      ? { ...resolved, url: copy + resolved.url.slice(installed.length) }
      : resolved;
  },
});
