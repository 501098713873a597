// The form's own Swedish beside Decap's: Decap's Swedish catalogue leaves some texts in English and
// words others for a blog ("inlägg", "Visa Live"); locales/admin/sv.json holds the form's words,
// which win. Pure: the admin page's script (browser.ts) and the tests use it.

type Phrases = Record<string, unknown>;

const isPhrases = (value: unknown): value is Phrases => typeof value === "object" && value !== null;

/** Decap's phrases with ours merged in: ours where both have a text, Decap's where only it has one. */
export function withOurs(decap: Phrases, ours: Phrases): Phrases {
  const merged: Phrases = { ...decap };
  for (const [key, value] of Object.entries(ours)) {
    const existing = merged[key];
    merged[key] = isPhrases(value) && isPhrases(existing) ? withOurs(existing, value) : value;
  }
  return merged;
}

/**
 * The error that refuses a save, read as its message alone: Decap shows a refused save as
 * "…: %{details}" with the error as text, which for a plain Error starts "Error: ".
 */
export function refusal(message: string): Error {
  const error = new Error(message);
  error.name = "";
  return error;
}
