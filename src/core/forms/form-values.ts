/** Submitted form values and the problems found in them, as both platforms pass them. */

/** What a member submitted, by field name; absent fields were left empty. */
export type FormValues = Readonly<Record<string, string | undefined>>;

/** A problem per field name, shown beside that field. */
export type FieldErrors = Record<string, string>;

/** What submitting a form led to. */
export type FormOutcome<V> = { ok: true; view: V } | { ok: false; errors: FieldErrors; form: V };

/** The trimmed text of a field; empty when absent. */
export function textOf(values: FormValues, name: string): string {
  return (values[name] ?? '').trim();
}

/** A problem with a text longer than `max` characters, or null. */
export function tooLong(text: string, max: number): string | null {
  const length = Array.from(text).length;
  return length > max ? `At most ${max} characters; this has ${length}.` : null;
}

/** Whether the text is an http(s) address with a host. */
export function isWebAddress(text: string): boolean {
  try {
    const url = new URL(text);
    return (url.protocol === 'https:' || url.protocol === 'http:') && url.hostname.includes('.');
  } catch {
    return false;
  }
}
