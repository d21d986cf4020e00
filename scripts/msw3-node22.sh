#!/usr/bin/env bash
# The MSW tests once more with msw 3 on Node 22 (msw 3 needs Node >= 22.12), without touching the
# repo: a copy of the working tree under a temp folder gets `msw@3` (npm install --no-save), and a
# second temp folder gets `node@22` from npm, whose package ships the Node binary (nothing else is
# downloaded). Runs the Node MSW tests (test/msw), the app tests through MSW's getResponse
# (the `app-via-msw` project) and, where Debian's Chromium is installed, the setupWorker test
# (test/browser/msw-worker.test.ts; OKTA_MOCK_MSW3_BROWSER=0 skips it).
# Needs the repo's own `npm ci` done first (it copies node_modules rather than installing it again).
set -euo pipefail
source "$(dirname "$0")/lib/scratch.sh"
scratch_copy msw3-node22
npm install --no-save "${npm_quiet[@]}" 'msw@^3'
node22="$(scratch_node node22 '^22.12')"

echo "msw3-node22: node $("$node22" --version), msw $("$node22" -p "require('msw/package.json').version")"
case "$("$node22" -p "require('msw/package.json').version")" in 3.*) ;; *) echo "msw3-node22: msw 3 did not install" >&2; exit 1 ;; esac
case "$("$node22" --version)" in v22.*) ;; *) echo "msw3-node22: Node 22 did not install" >&2; exit 1 ;; esac

vitest=(env NO_COLOR=1 "$node22" node_modules/vitest/vitest.mjs run)
"${vitest[@]}" --project all test/msw
"${vitest[@]}" --project app-via-msw
if [ "${OKTA_MOCK_MSW3_BROWSER:-1}" != 0 ] && [ -x "${OKTA_MOCK_CHROMIUM:-/usr/bin/chromium}" ]; then
  "${vitest[@]}" --project all test/browser/msw-worker.test.ts
fi
echo "msw3-node22: done (node $("$node22" --version), msw $("$node22" -p "require('msw/package.json').version"))"
