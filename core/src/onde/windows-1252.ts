// ONDE's exports and the PDF slips' standard fonts both speak Windows-1252, not UTF-8.
const WINDOWS_1252_EXTRA = new Map<number, number>(
  [...'€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ'].map((char, i) => [
    char.charCodeAt(0),
    [0x80, 0x82, 0x83, 0x84, 0x85, 0x86, 0x87, 0x88, 0x89, 0x8a, 0x8b, 0x8c, 0x8e, 0x91, 0x92, 0x93, 0x94, 0x95,
      0x96, 0x97, 0x98, 0x99, 0x9a, 0x9b, 0x9c, 0x9e, 0x9f][i] as number,
  ]),
);

/** Encodes text as Windows-1252 (Latin-1 plus `€`, `œ`, `’`…); a character it lacks becomes `?`. */
export function encodeWindows1252(text: string): Uint8Array {
  const bytes = new Uint8Array(text.length);
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    bytes[i] = code < 0x80 || (code >= 0xa0 && code <= 0xff) ? code : (WINDOWS_1252_EXTRA.get(code) ?? 0x3f);
  }
  return bytes;
}
