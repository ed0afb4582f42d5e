/**
 * Evidence file names come from the vendor's computer. They are shown to
 * staff, listed in the report and handed back when the file is downloaded,
 * so a name is cleaned once, when the file is stored: any script and emoji
 * stay, what is invisible or misleading goes, and the extension always
 * matches the type found in the file's bytes.
 */

const MAX_NAME_LENGTH = 200; // code points, extension included

// Line and paragraph breaks (and tabs) become spaces, so words stay apart.
const BREAKS = /[\t\n\v\f\r\u0085\u2028\u2029]/g;
// Control characters (C0, DEL, C1), bidirectional marks, embeddings,
// overrides and isolates, the byte-order mark, and halves of broken
// surrogate pairs. None is visible; a right-to-left override makes
// "Report\u202Efdp.exe" read as "Reportexe.pdf".
const INVISIBLE = /[\p{Cc}\p{Cs}\p{Bidi_Control}\uFEFF]/gu;

/**
 * The name to store for an uploaded file whose content is of a type with
 * these extensions (the first is the usual one). A name whose extension is
 * not one of them gets the usual one added ("evil.hta" holding a PNG is
 * stored as "evil.hta.png"), so a downloaded file opens in the program its
 * content is for, never in one its name picked.
 */
export function cleanEvidenceName(name: string, extensions: readonly [string, ...string[]]): string {
  const cleaned = (name.replace(BREAKS, ' ').replace(INVISIBLE, '').normalize('NFC').split(/[/\\]/).pop() ?? '')
    .replace(/\s+/gu, ' ')
    // Windows drops trailing dots and spaces, which would change the extension.
    .replace(/[. ]+$/u, '')
    .trim();
  const match = /\.([A-Za-z0-9]{1,10})$/.exec(cleaned);
  const kept = match && extensions.includes(match[1]!.toLowerCase());
  const extension = kept ? match[1]! : extensions[0];
  const stem = (kept ? cleaned.slice(0, -match[0].length) : cleaned).trim();
  const shortened = Array.from(stem)
    .slice(0, MAX_NAME_LENGTH - extension.length - 1)
    .join('')
    .trim();
  return `${shortened || 'evidence'}.${extension}`;
}

// Punctuation that has a plain ASCII look-alike.
const ASCII_LOOKALIKES: Record<string, string> = { '\u2018': "'", '\u2019': "'", '\u201C': '"', '\u201D': '"', '\u2013': '-', '\u2014': '-', '\u2026': '...', '\u00A0': ' ' };

/**
 * A US-ASCII stand-in for `filename=`, for the few clients that ignore
 * `filename*` (RFC 6266 section 4.3): accents dropped, look-alike
 * punctuation swapped, anything else an underscore.
 */
export function asciiFallbackName(name: string): string {
  const dot = name.lastIndexOf('.');
  const [stem, extension] = dot > 0 ? [name.slice(0, dot), name.slice(dot)] : [name, ''];
  const ascii = (text: string) =>
    text
      .normalize('NFKD')
      .replace(/\p{M}/gu, '')
      .replace(/[\u2018\u2019\u201C\u201D\u2013\u2014\u2026\u00A0]/g, (c) => ASCII_LOOKALIKES[c]!)
      // % would read as percent-encoding to some clients.
      .replace(/[^\x20-\x7E]|%/g, '_')
      .replace(/_+/g, '_');
  const plainStem = ascii(stem).replace(/^[_ ]+|[_ ]+$/g, '');
  return `${/[A-Za-z0-9]/.test(plainStem) ? plainStem : 'evidence'}${ascii(extension)}`;
}
