/**
 * A share's editor note: the items its patient hid, read back in later sessions. Apart from
 * making shares (share.ts), so that a page that only reads records does not load that code.
 */

/** Longest item reference (`fullUrl`) a share note keeps: the kit's own are `urn:uuid:` (45 characters). */
export const MAX_HIDDEN_URL_CHARS = 512;
/** Most hidden items read from a share note: a bound on what a crafted note can make a session hold. */
const MAX_HIDDEN_READ = 2000;

/**
 * What a share's editor note holds: the `fullUrl`s of the items hidden from its recipient, so the
 * patient's later sessions start them hidden again. Editors alone read it (see `editorNote`), so a
 * share with an editor recipient carries none.
 */
export interface ShareNote {
  hidden: string[];
}

/** The items a share hid, from its editor note; empty when it has none or it is not one. */
export function readShareNote(note: string | undefined): string[] {
  if (!note) return [];
  try {
    const value = JSON.parse(note) as Partial<ShareNote>;
    return Array.isArray(value.hidden) ? value.hidden.filter((u): u is string => typeof u === 'string' && u.length <= MAX_HIDDEN_URL_CHARS).slice(0, MAX_HIDDEN_READ) : [];
  } catch {
    return [];
  }
}
