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
 * A template's filler: each slot is read by its own function, chosen once
 * when the filler is made, and the parts are joined into one flat string. A
 * `value` slot's text goes in as it is (it must already be JSON); an `inner`
 * slot's text is escaped for inside a string. Choosing per slot up front
 * keeps every read a plain property access; naming fields at fill time made
 * each one a keyed lookup that V8 could not specialise.
 */
export function templateFiller<A, B>(
  template: JsonTemplate,
  readerFor: (slot: TemplateSlot) => (a: A, b: B) => string,
): (a: A, b: B) => string {
  const { texts } = template;
  const readers = template.slots.map((slot) => {
    const read = readerFor(slot);
    return slot.kind === 'value' ? read : (a: A, b: B) => jsonStringInner(read(a, b));
  });
  const last = texts[texts.length - 1]!;
  return (a, b) => {
    const parts = new Array<string>(texts.length + readers.length);
    for (let i = 0; i < readers.length; i++) {
      parts[2 * i] = texts[i]!;
      parts[2 * i + 1] = readers[i]!(a, b);
    }
    parts[parts.length - 1] = last;
    return parts.join('');
  };
}
