# Sourced by the scripts that run the tests again on another Node or other majors (node24.sh,
# msw3-node22.sh) without touching the repo: a copy of the working tree in a temp folder, and a Node
# binary from the `node` npm package (which ships it, so nothing else is downloaded).
npm_quiet=(--no-audit --no-fund --loglevel=error)

# scratch_copy LABEL: copies the repo to $work/repo (removed on exit) and changes into it.
scratch_copy() {
  local repo
  repo="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  work="$(mktemp -d "${TMPDIR:-/tmp}/okta-mock-$1.XXXXXX")"
  trap 'rm -rf "$work"' EXIT
  echo "$1: copying the repo to $work/repo"
  mkdir -p "$work/repo"
  tar -C "$repo" --exclude=./.git -cf - . | tar -C "$work/repo" -xf -
  cd "$work/repo"
  if [ ! -d node_modules ]; then npm ci "${npm_quiet[@]}"; fi
}

# scratch_node LABEL SPEC: installs node@SPEC beside the copy and prints the path of its binary.
scratch_node() {
  mkdir -p "$work/$1"
  (cd "$work/$1" && echo "{\"name\":\"$1\",\"private\":true}" >package.json && npm install "${npm_quiet[@]}" "node@$2") >&2
  echo "$work/$1/node_modules/node/bin/node"
}
