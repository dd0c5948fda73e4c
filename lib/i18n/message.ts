// A sentence the portal words, carried as a key and its values until it is shown in the reader's language.
// Client-safe. Lib code that has no request (jobs, validation shared by client and server, stored outcomes)
// returns msg("errors.X", {...}) instead of English; whoever shows it renders it with renderMessage.
// Text that is not a reference (Synapse's own words, rows stored before references existed) is shown as it is.

export type MessageValues = Record<string, string | number | Date>;
type Translate = (key: string, values?: MessageValues) => string;

const MARK = "\u2063i18n:"; // an invisible separator first, so no typed text is taken for a reference

/** A message reference: the catalogue key (full path, e.g. "errors.HS_TIMEOUT") and its ICU values. */
export function msg(key: string, values?: MessageValues): string {
  return MARK + JSON.stringify(values ? [key, encodeValues(values)] : [key]);
}

export function parseMessage(text: string): { key: string; values?: MessageValues } | null {
  if (!text.startsWith(MARK)) return null;
  try {
    const [key, values] = JSON.parse(text.slice(MARK.length)) as [string, MessageValues?];
    return typeof key === "string" ? { key, values: values && decodeValues(values) } : null;
  } catch {
    return null;
  }
}

/** The text to show: a reference translated with t (a root translator), anything else unchanged. */
export function renderMessage(t: Translate, text: string): string;
export function renderMessage(t: Translate, text: string | null | undefined): string | null;
export function renderMessage(t: Translate, text: string | null | undefined): string | null {
  if (text == null) return null;
  const ref = parseMessage(text);
  if (!ref) return text;
  // Values that are references themselves (a reason inside a sentence) are rendered first.
  const values = ref.values && Object.fromEntries(Object.entries(ref.values).map(([k, v]) => [k, typeof v === "string" ? renderMessage(t, v) : v]));
  return t(ref.key, values);
}

// Dates survive JSON as {"$date": iso}.
function encodeValues(values: MessageValues) {
  return Object.fromEntries(Object.entries(values).map(([k, v]) => [k, v instanceof Date ? { $date: v.toISOString() } : v]));
}
function decodeValues(values: Record<string, unknown>): MessageValues {
  return Object.fromEntries(
    Object.entries(values).map(([k, v]) => [k, v && typeof v === "object" && "$date" in v ? new Date(String((v as { $date: string }).$date)) : (v as string | number)]),
  );
}
