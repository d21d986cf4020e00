import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { named } from './table.js';
// @ts-expect-error -- a plain .mjs script without types
import { fileNameOf, runnableBlocks } from '../../scripts/readme-blocks.mjs';

type Block = { line: number; language: string; kind: string; code: string };
const blocks = (markdown: string) => (runnableBlocks as (m: string) => Block[])(markdown);

describe('runnableBlocks extracts only the README blocks marked runnable', () => {
  const cases = [
    { name: 'a ts runnable block is a script', input: 'x\n```ts runnable\nconst a = 1;\n```\n', expected: [{ line: 2, language: 'ts', kind: 'script', code: 'const a = 1;\n' }] },
    { name: 'a ts runnable test block is a Vitest file', input: '```ts runnable test\nt();\n```', expected: [{ line: 1, language: 'ts', kind: 'test', code: 't();\n' }] },
    { name: 'a json runnable fixtures block is a fixtures file', input: '```json runnable fixtures\n{}\n```', expected: [{ line: 1, language: 'json', kind: 'fixtures', code: '{}\n' }] },
    { name: 'unmarked blocks are prose', input: '```ts\nnope();\n```\n```sh\nnpm i\n```', expected: [] },
    { name: 'a longer fence keeps inner fences as code', input: '````ts runnable\n```\n````', expected: [{ line: 1, language: 'ts', kind: 'script', code: '```\n' }] },
  ];
  it.each(named(cases))('%s', (_name, { input, expected }) => expect(blocks(input)).toEqual(expected));

  it('refuses an unknown runnable kind, naming the line', () => {
    expect(() => blocks('a\n```ts runnable tests\n```')).toThrow('README.md:2: unknown runnable kind "tests"');
  });

  it('names test blocks *.test.ts so vitest finds them, and scripts by their README line', () => {
    expect((fileNameOf as (b: Block) => string)({ line: 7, language: 'ts', kind: 'test', code: '' })).toBe('readme-line-7.test.ts');
    expect((fileNameOf as (b: Block) => string)({ line: 9, language: 'ts', kind: 'script', code: '' })).toBe('readme-line-9.ts');
  });

  it('finds a script, a test, a browser example and a fixtures file in the README itself', () => {
    const kinds = new Set(blocks(readFileSync(new URL('../../README.md', import.meta.url), 'utf8')).map((b) => b.kind));
    expect([...kinds].sort()).toEqual(['fixtures', 'script', 'test', 'typecheck']);
  });
});
