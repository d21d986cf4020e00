/**
 * The README's runnable examples, read from README.md itself. A block is runnable when its fence
 * says so after the language:
 *
 *   ```ts runnable              a script: type-checked, then run with node
 *   ```ts runnable test         a Vitest file: type-checked, then run with vitest
 *   ```ts runnable typecheck    type-checked only (e.g. browser code)
 *   ```json runnable fixtures   a fixtures file: `okta-mock --fixtures` must start with it
 *
 * Other blocks (shell sessions, output samples) are prose.
 */
const KINDS = new Set(['script', 'test', 'typecheck', 'fixtures']);

/** `[{ line, language, kind, code }]` for each runnable block, in README order. */
export function runnableBlocks(markdown) {
  const blocks = [];
  const lines = markdown.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const open = /^(\s*)(`{3,}|~{3,})\s*(\S+)\s+runnable(?:\s+(\S+))?\s*$/.exec(lines[i]);
    if (!open) continue;
    const [, indent, fence, language, given] = open;
    const kind = given ?? 'script';
    if (!KINDS.has(kind)) throw new Error(`README.md:${i + 1}: unknown runnable kind "${kind}" (one of ${[...KINDS].join(', ')})`);
    const body = [];
    let j = i + 1;
    for (; j < lines.length && !lines[j].startsWith(`${indent}${fence}`); j++) body.push(lines[j].slice(indent.length));
    if (j === lines.length) throw new Error(`README.md:${i + 1}: runnable block is never closed`);
    blocks.push({ line: i + 1, language, kind, code: `${body.join('\n')}\n` });
    i = j;
  }
  return blocks;
}

/** The file name a block is written to in the scratch project. */
export function fileNameOf(block) {
  const base = `readme-line-${block.line}`;
  if (block.kind === 'fixtures') return `${base}.json`;
  return block.kind === 'test' ? `${base}.test.${block.language}` : `${base}.${block.language}`;
}
