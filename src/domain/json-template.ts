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

/** The escaped characters of `text` as they appear inside a JSON string, without the quotes. */
export function jsonStringInner(text: string): string {
  return NEEDS_ESCAPE.test(text) ? JSON.stringify(text).slice(1, -1) : text;
}

/**
 * How a slot is read: `json` gives the slot's JSON text as it is; `text`
 * gives a string, escaped here. A whole-value slot read as `text` has its
 * quotes in the constant texts around it, so a string that needs no escape
 * goes in as the record holds it, with no quoted copy made.
 */
export type SlotReader<A, B> = { json: (a: A, b: B) => string } | { text: (a: A, b: B) => string };

/** Fills a template: one value alone, or many in a row into one array of parts, joined once by the caller. */
export interface TemplateFiller<A, B> {
  fill(a: A, b: B): string;
  fillInto(parts: string[], a: A, b: B): void;
}

/**
 * A template's filler. Each slot is read by its own function, chosen once
 * when the filler is made, so every read is a plain property access; naming
 * fields at fill time made each one a keyed lookup V8 could not specialise.
 */
export function templateFiller<A, B>(template: JsonTemplate, readerFor: (slot: TemplateSlot) => SlotReader<A, B>): TemplateFiller<A, B> {
  const texts = [...template.texts];
  const escapedLast = new Map<string, { text: string | undefined; escaped: string }>();
  const readers = template.slots.map((slot, i): ((a: A, b: B) => string) => {
    const reader = readerFor(slot);
    if ('json' in reader) {
      if (slot.kind === 'inner') throw new Error(`the template slot ${slot.name} is inside a string and needs a text reader`);
      return reader.json;
    }
    if (slot.kind === 'value') {
      texts[i] += '"';
      texts[i + 1] = `"${texts[i + 1]!}`;
    }
    const read = reader.text;
    // The escape test is most of a fill's time. The slots of one name share their last text and its
    // escaped form: an id in the links comes right after the same id as a value, and the org URL,
    // the actor and often the timestamps are the same string from one record to the next.
    let last = escapedLast.get(slot.name);
    if (last === undefined) escapedLast.set(slot.name, (last = { text: undefined, escaped: '' }));
    const kept = last;
    return (a, b) => {
      const text = read(a, b);
      if (text !== kept.text) {
        kept.escaped = jsonStringInner(text);
        kept.text = text;
      }
      return kept.escaped;
    };
  });
  const last = texts[texts.length - 1]!;
  const fillInto = (parts: string[], a: A, b: B): void => {
    for (let i = 0; i < readers.length; i++) parts.push(texts[i]!, readers[i]!(a, b));
    parts.push(last);
  };
  return {
    fillInto,
    fill(a, b) {
      // join() makes one flat string; a chain of += is a rope the socket write would flatten first.
      const parts: string[] = [];
      fillInto(parts, a, b);
      return parts.join('');
    },
  };
}
