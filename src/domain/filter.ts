import { OktaApiError } from '../errors.js';
import type { TrustedOriginRecord } from './trusted-origin.js';

/**
 * Okta's filter grammar, narrowed to what trusted origins support:
 *   expr    := and ('or' and)*
 *   and     := primary ('and' primary)*
 *   primary := '(' expr ')' | attribute operator "string"
 * Attribute names are case-sensitive, operators are not.
 */
export const FILTER_ATTRIBUTES = ['id', 'name', 'origin', 'status', 'type'] as const;
export const FILTER_OPERATORS = ['eq', 'sw'] as const;
export type FilterAttribute = (typeof FILTER_ATTRIBUTES)[number];
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

export type FilterExpression =
  | { kind: 'compare'; attribute: FilterAttribute; operator: FilterOperator; value: string }
  | { kind: 'and' | 'or'; left: FilterExpression; right: FilterExpression };

/**
 * How deep parentheses may nest and how many comparisons one filter may hold.
 * Real filters are a handful of terms; the bounds keep hostile ones
 * (2,500 `(`, thousands of `and`) an E0000031 instead of a stack overflow.
 */
export const MAX_FILTER_DEPTH = 32;
export const MAX_FILTER_TERMS = 256;

type Token = { kind: 'word' | 'string' | '(' | ')'; text: string };

const WORD = /[^\s()"]+/y;

const invalid = () => OktaApiError.of('E0000031');

function tokenize(input: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < input.length) {
    const ch = input[i]!;
    if (/\s/.test(ch)) {
      i++;
    } else if (ch === '(' || ch === ')') {
      tokens.push({ kind: ch, text: ch });
      i++;
    } else if (ch === '"') {
      let text = '';
      i++;
      while (i < input.length && input[i] !== '"') {
        if (input[i] === '\\' && i + 1 < input.length) i++;
        text += input[i];
        i++;
      }
      if (i >= input.length) throw invalid();
      i++;
      tokens.push({ kind: 'string', text });
    } else {
      // Sticky, not slice(): a long filter of many words stays linear.
      WORD.lastIndex = i;
      const m = WORD.exec(input)!;
      tokens.push({ kind: 'word', text: m[0] });
      i += m[0].length;
    }
  }
  return tokens;
}

export function parseFilter(input: string): FilterExpression {
  const tokens = tokenize(input);
  let pos = 0;
  let depth = 0;
  let terms = 0;
  const peekWord = (word: string) => tokens[pos]?.kind === 'word' && tokens[pos]!.text.toLowerCase() === word;

  const binary = (kind: 'and' | 'or', operand: () => FilterExpression): FilterExpression => {
    let left = operand();
    while (peekWord(kind)) {
      pos++;
      left = { kind, left, right: operand() };
    }
    return left;
  };
  const expression = (): FilterExpression => binary('or', () => binary('and', primary));
  const primary = (): FilterExpression => {
    const token = tokens[pos++];
    if (token?.kind === '(') {
      if (++depth > MAX_FILTER_DEPTH) throw invalid();
      const inner = expression();
      if (tokens[pos++]?.kind !== ')') throw invalid();
      depth--;
      return inner;
    }
    if (++terms > MAX_FILTER_TERMS) throw invalid();
    const operator = tokens[pos++];
    const value = tokens[pos++];
    if (token?.kind !== 'word' || !FILTER_ATTRIBUTES.includes(token.text as FilterAttribute)) throw invalid();
    if (operator?.kind !== 'word' || !FILTER_OPERATORS.includes(operator.text.toLowerCase() as FilterOperator)) {
      throw invalid();
    }
    if (value?.kind !== 'string') throw invalid();
    return {
      kind: 'compare',
      attribute: token.text as FilterAttribute,
      operator: operator.text.toLowerCase() as FilterOperator,
      value: value.text,
    };
  };

  const result = expression();
  if (pos !== tokens.length) throw invalid();
  return result;
}

function compare(actual: string, operator: FilterOperator, expected: string): boolean {
  return operator === 'eq' ? actual === expected : actual.startsWith(expected);
}

export function matchesFilter(expr: FilterExpression, record: TrustedOriginRecord): boolean {
  switch (expr.kind) {
    case 'and':
      return matchesFilter(expr.left, record) && matchesFilter(expr.right, record);
    case 'or':
      return matchesFilter(expr.left, record) || matchesFilter(expr.right, record);
    case 'compare':
      // `type` is a property of the scopes: it matches when any scope has it.
      if (expr.attribute === 'type') return record.scopes.some((s) => compare(s.type, expr.operator, expr.value));
      return compare(record[expr.attribute], expr.operator, expr.value);
  }
}

/** `q` is a prefix match on name or origin. */
export function matchesQuery(q: string, record: TrustedOriginRecord): boolean {
  return record.name.startsWith(q) || record.origin.startsWith(q);
}
