#!/usr/bin/env bash
# The whole suite once more on Node 24 with the current majors, vitest 5 and msw 3, without touching
# the repo: a copy of the working tree under a temp folder gets them (npm install --no-save, with
# @types/node 24, which vitest 5 asks for), and a second temp folder gets `node@24` from npm, whose
# package ships the Node binary (nothing else is downloaded). Both vitest projects run: `all` (every
# test file, the browser tests included) and `app-via-msw`. The repo's own `npm test` covers Node 20
# with vitest 4 and msw 2, and the typecheck. Needs the repo's `npm ci` done first.
set -euo pipefail
source "$(dirname "$0")/lib/scratch.sh"
scratch_copy node24
npm install --no-save "${npm_quiet[@]}" 'msw@^3' 'vitest@^5' '@types/node@^24'
node24="$(scratch_node node24 '^24')"
versions() { "$node24" -p "'node ' + process.version + ', vitest ' + require('vitest/package.json').version + ', msw ' + require('msw/package.json').version"; }

echo "node24: $(versions)"
case "$("$node24" --version)" in v24.*) ;; *) echo "node24: Node 24 did not install" >&2; exit 1 ;; esac
case "$("$node24" -p "require('vitest/package.json').version")" in 5.*) ;; *) echo "node24: vitest 5 did not install" >&2; exit 1 ;; esac
case "$("$node24" -p "require('msw/package.json').version")" in 3.*) ;; *) echo "node24: msw 3 did not install" >&2; exit 1 ;; esac

# The CLI tests spawn `process.execPath`, so they run the CLI on Node 24 too.
env NO_COLOR=1 PATH="$(dirname "$node24"):$PATH" "$node24" node_modules/vitest/vitest.mjs run
echo "node24: done ($(versions))"
