// A PNG line plot without dependencies: a tiny rasterizer (lines, filled rectangles, a 5×7 bitmap font
// for digits and short labels) into an RGB buffer, encoded as PNG with node:zlib and a CRC32.
// Deliberately left out: anti-aliasing, and glyphs beyond what the axis labels and legend need
// (unknown characters draw as a blank).
import { deflateSync } from "node:zlib";

export interface PlotSeries {
  label: string;
  /** y values for x = 1, 2, …; null leaves a gap. */
  values: Array<number | null>;
}

const PALETTE: Array<[number, number, number]> = [
  [31, 119, 180], [255, 127, 14], [44, 160, 44], [214, 39, 40], [148, 103, 189], [140, 86, 75], [227, 119, 194],
  [127, 127, 127], [188, 189, 34], [23, 190, 207], [0, 0, 0], [90, 90, 200],
];

// 5×7 glyphs, one row per string of 5 bits.
const FONT: Record<string, string[]> = {
  "0": ["01110", "10001", "10011", "10101", "11001", "10001", "01110"], "1": ["00100", "01100", "00100", "00100", "00100", "00100", "01110"],
  "2": ["01110", "10001", "00001", "00010", "00100", "01000", "11111"], "3": ["11110", "00001", "00001", "01110", "00001", "00001", "11110"],
  "4": ["00010", "00110", "01010", "10010", "11111", "00010", "00010"], "5": ["11111", "10000", "11110", "00001", "00001", "10001", "01110"],
  "6": ["00110", "01000", "10000", "11110", "10001", "10001", "01110"], "7": ["11111", "00001", "00010", "00100", "01000", "01000", "01000"],
  "8": ["01110", "10001", "10001", "01110", "10001", "10001", "01110"], "9": ["01110", "10001", "10001", "01111", "00001", "00010", "01100"],
  ".": ["00000", "00000", "00000", "00000", "00000", "01100", "01100"], "%": ["11001", "11010", "00010", "00100", "01000", "01011", "10011"],
  "_": ["00000", "00000", "00000", "00000", "00000", "00000", "11111"], "-": ["00000", "00000", "00000", "11111", "00000", "00000", "00000"],
};
const LETTERS = "abcdefghijklmnopqrstuvwxyz";
// Lower-case letters as compact 5×7 shapes (enough for method names).
const LETTER_ROWS = [
  "00000 10000 00000 00001 00000 00110 00000 10000 00100 00010 10000 01100 00000 00000 00000 00000 00000 00000 00000 01000 00000 00000 00000 00000 00000 00000",
  "00000 10000 00000 00001 00000 01001 01111 10000 00000 00000 10010 00100 00000 00000 00000 00000 00000 00000 00000 01000 00000 00000 00000 00000 00000 00000",
  "01110 10110 01110 01101 01110 01000 10001 10110 01100 00110 10100 00100 11010 10110 01110 11110 01101 10110 01110 11100 10001 10001 10001 10001 10001 11111",
  "00001 11001 10000 10011 10001 11100 10001 11001 00100 00010 11000 00100 10101 11001 10001 10001 10011 11001 10000 01000 10001 10001 10001 01010 10001 00010",
  "01111 10001 10000 10001 11111 01000 01111 10001 00100 00010 10100 00100 10101 10001 10001 11110 01111 10000 01110 01000 10001 10001 10101 00100 01111 00100",
  "10001 10001 10001 10001 10000 01000 00001 10001 00100 10010 10010 00100 10001 10001 10001 10000 00001 10000 00001 01001 10011 01010 10101 01010 00001 01000",
  "01111 11110 01110 01111 01110 01000 01110 10001 01110 01100 10001 01110 10001 10001 01110 10000 00001 10000 11110 00110 01101 00100 01010 10001 01110 11111",
].map((row) => row.split(" "));
LETTERS.split("").forEach((letter, index) => { FONT[letter] = LETTER_ROWS.map((row) => row[index]!); });

class Canvas {
  readonly pixels: Uint8Array;
  constructor(readonly width: number, readonly height: number) {
    this.pixels = new Uint8Array(width * height * 3).fill(255);
  }
  set(x: number, y: number, color: [number, number, number]): void {
    x = Math.round(x); y = Math.round(y);
    if (x < 0 || y < 0 || x >= this.width || y >= this.height) return;
    this.pixels.set(color, (y * this.width + x) * 3);
  }
  rectangle(x: number, y: number, width: number, height: number, color: [number, number, number]): void {
    for (let dy = 0; dy < height; dy++) for (let dx = 0; dx < width; dx++) this.set(x + dx, y + dy, color);
  }
  /** A line of the given thickness (square brush), by stepping along the longer axis. */
  line(x0: number, y0: number, x1: number, y1: number, color: [number, number, number], thickness = 1): void {
    const steps = Math.max(Math.abs(x1 - x0), Math.abs(y1 - y0), 1);
    for (let step = 0; step <= steps; step++) {
      const x = x0 + ((x1 - x0) * step) / steps, y = y0 + ((y1 - y0) * step) / steps;
      this.rectangle(x - Math.floor(thickness / 2), y - Math.floor(thickness / 2), thickness, thickness, color);
    }
  }
  text(x: number, y: number, text: string, color: [number, number, number]): void {
    [...text.toLowerCase()].forEach((character, index) => {
      (FONT[character] ?? []).forEach((row, dy) => [...row].forEach((bit, dx) => { if (bit === "1") this.set(x + index * 6 + dx, y + dy, color); }));
    });
  }
}

const CRC_TABLE = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

export function crc32(bytes: Uint8Array): number {
  let crc = 0xffffffff;
  for (const byte of bytes) crc = CRC_TABLE[(crc ^ byte) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

function chunk(type: string, data: Uint8Array): Buffer {
  const body = Buffer.concat([Buffer.from(type, "ascii"), data]);
  const out = Buffer.alloc(body.length + 8);
  out.writeUInt32BE(data.length, 0);
  body.copy(out, 4);
  out.writeUInt32BE(crc32(body), body.length + 4);
  return out;
}

/** RGB8 pixels → PNG bytes (filter 0 on every row). */
export function encodePng(width: number, height: number, rgb: Uint8Array): Buffer {
  const raw = Buffer.alloc((width * 3 + 1) * height);
  for (let y = 0; y < height; y++) Buffer.from(rgb.buffer, rgb.byteOffset + y * width * 3, width * 3).copy(raw, y * (width * 3 + 1) + 1);
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter method, no interlace
  return Buffer.concat([Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]), chunk("IHDR", header), chunk("IDAT", deflateSync(raw)), chunk("IEND", new Uint8Array())]);
}

/** Accuracy (0..1) against the number of domains, one line per series, y axis 0–100 %. */
export function plotAccuracy(series: PlotSeries[], width = 720, height = 420): Buffer {
  const canvas = new Canvas(width, height);
  const left = 50, right = width - 170, top = 20, bottom = height - 40;
  const points = Math.max(...series.map((line) => line.values.length), 2);
  const xOf = (index: number) => left + ((right - left) * index) / (points - 1);
  const yOf = (value: number) => bottom - (bottom - top) * value;
  const grey: [number, number, number] = [200, 200, 200], black: [number, number, number] = [0, 0, 0];
  for (let tick = 0; tick <= 10; tick += 2) {
    canvas.line(left, yOf(tick / 10), right, yOf(tick / 10), grey);
    canvas.text(left - 30, yOf(tick / 10) - 3, `${tick * 10}%`, black);
  }
  for (let index = 0; index < points; index++) canvas.text(xOf(index) - 2, bottom + 8, String(index + 1), black);
  canvas.text((left + right) / 2 - 40, bottom + 24, "number of domains", black);
  canvas.line(left, top, left, bottom, black);
  canvas.line(left, bottom, right, bottom, black);
  series.forEach((line, index) => {
    const color = PALETTE[index % PALETTE.length]!;
    for (let i = 1; i < line.values.length; i++) {
      const previous = line.values[i - 1], current = line.values[i];
      if (previous != null && current != null) canvas.line(xOf(i - 1), yOf(previous), xOf(i), yOf(current), color, 2);
    }
    line.values.forEach((value, i) => { if (value != null) canvas.rectangle(xOf(i) - 3, yOf(value) - 3, 7, 7, color); });
    canvas.rectangle(right + 15, top + 4 + index * 14, 12, 4, color);
    canvas.text(right + 32, top + index * 14, line.label, black);
  });
  return encodePng(width, height, canvas.pixels);
}
