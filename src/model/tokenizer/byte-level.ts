// GPT-2's reversible byte ⇄ unicode mapping: printable Latin-1 bytes map to themselves, the
// other 68 bytes (controls, space, 0x7f–0xa0, 0xad) to U+0100… in byte order. A byte-level BPE
// token is a string over these 256 characters, so vocabularies never contain raw spaces or
// control bytes and merges can be stored as "left right". Same table as llama.cpp's unicode.cpp.

function buildByteToChar(): string[] {
  const table: string[] = new Array(256);
  const printable = (byte: number) => (byte >= 0x21 && byte <= 0x7e) || (byte >= 0xa1 && byte <= 0xac) || (byte >= 0xae && byte <= 0xff);
  let next = 0;
  for (let byte = 0; byte < 256; byte++) {
    table[byte] = String.fromCodePoint(printable(byte) ? byte : 256 + next++);
  }
  return table;
}

export const BYTE_TO_CHAR: readonly string[] = buildByteToChar();
export const CHAR_TO_BYTE: ReadonlyMap<string, number> = new Map(BYTE_TO_CHAR.map((char, byte) => [char, byte]));

const encoder = new TextEncoder();

/** UTF-8 bytes of text, each written as its byte-level character. */
export function byteEncode(text: string): string {
  let out = "";
  for (const byte of encoder.encode(text)) out += BYTE_TO_CHAR[byte];
  return out;
}

/** Appends the bytes of a byte-level token text; characters outside the table contribute their UTF-8. */
export function pushTokenBytes(text: string, out: number[]): void {
  for (const char of text) {
    const byte = CHAR_TO_BYTE.get(char);
    if (byte !== undefined) out.push(byte);
    else for (const raw of encoder.encode(char)) out.push(raw);
  }
}
