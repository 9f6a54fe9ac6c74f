#!/usr/bin/env bash
# Node 22 LTS beside the machine's Node: `setup` installs it from the npm registry's node@22 package
# and builds a second better-sqlite3 against its headers; `test` runs the unit suite on it (setting it
# up first when it is not yet there).
# Everything lives in .node22/, outside node_modules, so the Node 20 build there is never touched.
set -euo pipefail
cd "$(dirname "$0")/.."
root="$PWD/.node22"
bin="$root/runtime/node_modules/node/bin"
sqlite="$root/modules/node_modules/better-sqlite3"

setup() {
  local version
  version=$(node -p "require('./node_modules/better-sqlite3/package.json').version")
  rm -rf "$root"
  mkdir -p "$root/runtime" "$root/modules" "$root/headers"
  echo '{ "private": true, "allowScripts": { "node": true } }' >"$root/runtime/package.json"
  npm install --prefix "$root/runtime" --no-audit --no-fund node@22
  # The headers come in node@22's nested platform package; npm may move that package later, so
  # node-gyp gets a copy, with the gyp files at its top where it looks for them.
  cp -r "$root"/runtime/node_modules/node/node_modules/node-*/include "$root/headers/"
  cp "$root/headers/include/node/common.gypi" "$root/headers/include/node/config.gypi" "$root/headers/"
  echo '{ "private": true, "allowScripts": { "better-sqlite3": true } }' >"$root/modules/package.json"
  PATH="$bin:$PATH" npm_config_nodedir="$root/headers" \
    npm install --prefix "$root/modules" --no-audit --no-fund "better-sqlite3@$version"
  check
  echo "Node $("$bin/node" --version) and better-sqlite3 $version for it are ready in .node22/"
}

ready() {
  [ -x "$bin/node" ] && "$bin/node" -e "new (require('$sqlite'))(':memory:').close()" 2>/dev/null
}

check() {
  if ! ready; then
    echo 'Node 22 LTS could not be set up in .node22/ for the unit tests (it needs the npm registry, python3, make and g++).' >&2
    exit 1
  fi
}

case "${1:-}" in
  setup) setup ;;
  test)
    # The first run sets it up; later runs find it ready.
    ready || setup
    PATH="$bin:$PATH" CSS_BETTER_SQLITE3="$sqlite" NODE_OPTIONS="--import=$PWD/scripts/node22-better-sqlite3.js" \
      npx vitest run
    ;;
  *)
    echo 'usage: scripts/node22.sh setup|test' >&2
    exit 2
    ;;
esac
