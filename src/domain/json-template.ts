/**
 * JSON text built from a template: the constant parts of an object's JSON
 * (its keys, punctuation, fixed values) are serialized once, and only the
 * varying values are escaped per call. The template is derived by
 * serializing the object shape itself with marker values, so key order and
 * constant values come from the one function that defines the shape.
 *
 * A marker is `@@name@@`. Quoted (`"@@name@@"`), it stands for a whole JSON
 * value; inside a longer string, for text spliced into that string.
 */
export type TemplateSlot = { kind: 'value' | 'inner'; name: string };
export type JsonTemplate = { texts: string[]; slots: TemplateSlot[] };

export const marker = (name: string): string => `@@${name}@@`;

const MARKERS = /"@@(\w+)@@"|@@(\w+)@@/g;

/** Splits the JSON text of an object made with marker values into constant texts and the slots between them. */
export function jsonTemplate(markedJson: string): JsonTemplate {
  const texts: string[] = [];
  const slots: TemplateSlot[] = [];
  let at = 0;
  for (const found of markedJson.matchAll(MARKERS)) {
    texts.push(markedJson.slice(at, found.index));
    slots.push(found[1] !== undefined ? { kind: 'value', name: found[1] } : { kind: 'inner', name: found[2]! });
    at = found.index + found[0].length;
  }
  texts.push(markedJson.slice(at));
  return { texts, slots };
}

/** What JSON.stringify escapes in a string: `"`, `\`, control characters and (well-formed JSON.stringify) lone surrogates; any surrogate takes the slow path. */
const NEEDS_ESCAPE = /["\\\u0000-\u001f\ud800-\udfff]/;

/** `JSON.stringify(text)`, without the generic serializer for the common string that needs no escape. */
export function jsonString(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text) : `"${text}"`;
}

/** The escaped characters of `text` as they appear inside a JSON string, without the quotes. */
export function jsonStringInner(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

/**
 * The template filled in: `value(name)` gives a slot's JSON value, `inner(name)`
 * the unescaped text of an in-string slot. Joined from an array, so the text
 * is one flat string rather than a rope the socket write would flatten.
 */
export function fillJsonTemplate(template: JsonTemplate, value: (name: string) => string, inner: (name: string) => string): string {
  const { texts, slots } = template;
  const parts = new Array<string>(texts.length + slots.length);
  for (let i = 0; i < slots.length; i++) {
    const slot = slots[i]!;
    parts[2 * i] = texts[i]!;
    parts[2 * i + 1] = slot.kind === 'value' ? value(slot.name) : jsonStringInner(inner(slot.name));
  }
  parts[parts.length - 1] = texts[texts.length - 1]!;
  return parts.join('');
}
