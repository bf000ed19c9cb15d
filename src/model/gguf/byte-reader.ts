// A forward-only little-endian reader over a file descriptor that keeps one window of the file
// in memory (1 MiB, or larger when a single item needs it). The GGUF header of a multi-GB model
// is read without loading tensor data; every read past the end of the file is a FileFormatError.
import { readSync } from "node:fs";
import { FileFormatError } from "../../errors.js";

const WINDOW_BYTES = 1 << 20;
// Not fatal: a few real vocabularies hold token texts that are not valid UTF-8 on their own.
const decoder = new TextDecoder("utf-8", { ignoreBOM: true });

export class ByteReader {
  private window = new Uint8Array(0);
  private view = new DataView(this.window.buffer);
  private windowStart = 0;
  position = 0;

  constructor(private readonly fd: number, readonly fileSize: number, readonly file: string) {}

  get remaining(): number {
    return this.fileSize - this.position;
  }

  private ensure(bytes: number, what: string): number {
    if (this.position + bytes > this.fileSize) {
      throw new FileFormatError(this.file, `truncated: ${what} at byte ${this.position} needs ${bytes} bytes but the file has ${this.fileSize}`, {
        hint: "the file is incomplete or corrupt; re-download or re-export it",
      });
    }
    const windowEnd = this.windowStart + this.window.length;
    if (this.position < this.windowStart || this.position + bytes > windowEnd) {
      const size = Math.min(Math.max(WINDOW_BYTES, bytes), this.fileSize - this.position);
      this.window = new Uint8Array(size);
      let filled = 0;
      while (filled < size) {
        const read = readSync(this.fd, this.window, filled, size - filled, this.position + filled);
        if (read === 0) break;
        filled += read;
      }
      this.view = new DataView(this.window.buffer);
      this.windowStart = this.position;
    }
    const offset = this.position - this.windowStart;
    this.position += bytes;
    return offset;
  }

  u8(what: string): number {
    const at = this.ensure(1, what);
    return this.view.getUint8(at);
  }
  i8(what: string): number {
    const at = this.ensure(1, what);
    return this.view.getInt8(at);
  }
  u16(what: string): number {
    const at = this.ensure(2, what);
    return this.view.getUint16(at, true);
  }
  i16(what: string): number {
    const at = this.ensure(2, what);
    return this.view.getInt16(at, true);
  }
  u32(what: string): number {
    const at = this.ensure(4, what);
    return this.view.getUint32(at, true);
  }
  i32(what: string): number {
    const at = this.ensure(4, what);
    return this.view.getInt32(at, true);
  }
  f32(what: string): number {
    const at = this.ensure(4, what);
    return this.view.getFloat32(at, true);
  }
  f64(what: string): number {
    const at = this.ensure(8, what);
    return this.view.getFloat64(at, true);
  }
  u64(what: string): bigint {
    const at = this.ensure(8, what);
    return this.view.getBigUint64(at, true);
  }
  i64(what: string): bigint {
    const at = this.ensure(8, what);
    return this.view.getBigInt64(at, true);
  }

  /** A u64 that must be a count or size; refuses values no real file has. */
  count(what: string, limit: number): number {
    const value = this.u64(what);
    if (value > BigInt(limit)) {
      throw new FileFormatError(this.file, `${what} is ${value}, which cannot fit in the ${this.fileSize}-byte file`, {
        hint: "the header is corrupt (or not a little-endian GGUF v3 file)",
      });
    }
    return Number(value);
  }

  /** gguf string: u64 byte length, then UTF-8 bytes (no terminator). */
  string(what: string): string {
    const length = this.count(`length of ${what}`, this.remaining);
    const offset = this.ensure(length, what);
    return decoder.decode(this.window.subarray(offset, offset + length));
  }
}
