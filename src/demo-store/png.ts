import { crc32, deflateSync } from 'node:zlib';

/** Minimal PNG encoder (no native deps): enough to serve real, decodable images of a chosen weight. */
function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(data, crc32(head.subarray(4))), 0);
  return Buffer.concat([head, data, crc]);
}

const SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

export interface PngSpec {
  width: number;
  height: number;
  /** 8 = RGB 8-bit truecolour; 3 = palette. */
  colorType: 2 | 3;
  bitDepth: 4 | 8;
  palette?: Buffer;
  /** Filtered scanlines: each row is one filter-type byte then the row bytes. */
  scanlines: Buffer;
  level?: number;
}

export function encodePng(spec: PngSpec): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(spec.width, 0);
  ihdr.writeUInt32BE(spec.height, 4);
  ihdr[8] = spec.bitDepth;
  ihdr[9] = spec.colorType;
  const parts = [SIGNATURE, chunk('IHDR', ihdr)];
  if (spec.palette) parts.push(chunk('PLTE', spec.palette));
  parts.push(chunk('IDAT', deflateSync(spec.scanlines, { level: spec.level ?? 6 })), chunk('IEND', Buffer.alloc(0)));
  return Buffer.concat(parts);
}

/**
 * A vertical gradient with a centred accent block. Rows are built with Buffer.fill (no per-pixel JS) and
 * stored unfiltered: each row is a run of one 3-byte colour, which deflate squeezes to almost nothing.
 */
export function gradientPng(width: number, height: number, top: [number, number, number], bottom: [number, number, number], accent: [number, number, number]): Buffer {
  const stride = width * 3 + 1;
  const raw = Buffer.alloc(stride * height);
  const x0 = Math.floor(width * 0.3) * 3;
  const x1 = Math.floor(width * 0.7) * 3;
  const accentBytes = Buffer.from(accent);
  for (let y = 0; y < height; y++) {
    const t = height > 1 ? y / (height - 1) : 0;
    const colour = Buffer.from(top.map((c, i) => Math.round(c + (bottom[i]! - c) * t)));
    const off = y * stride;
    raw[off] = 0;
    raw.fill(colour, off + 1, off + stride);
    if (y > height * 0.35 && y < height * 0.65) raw.fill(accentBytes, off + 1 + x0, off + 1 + x1);
  }
  return encodePng({ width, height, colorType: 2, bitDepth: 8, scanlines: raw });
}

/**
 * 4-bit palette noise: 16 equiprobable values per pixel do not compress, so the file weighs
 * width·height/2 bytes (3000×1800 ≈ 2.7 MB), like an unoptimised photo.
 */
export function noisePng(width: number, height: number, seed: number): Buffer {
  const palette = Buffer.alloc(16 * 3);
  for (let i = 0; i < 16; i++) {
    palette[i * 3] = 120 + i * 8;
    palette[i * 3 + 1] = 80 + i * 6;
    palette[i * 3 + 2] = 60 + i * 4;
  }
  const rowBytes = Math.ceil(width / 2);
  const raw = Buffer.alloc((rowBytes + 1) * height);
  let s = seed >>> 0 || 1;
  for (let y = 0; y < height; y++) {
    const off = y * (rowBytes + 1);
    raw[off] = 0;
    for (let i = 1; i <= rowBytes; i++) {
      s ^= s << 13; s >>>= 0;
      s ^= s >>> 17;
      s ^= s << 5; s >>>= 0;
      raw[off + i] = s & 0xff;
    }
  }
  return encodePng({ width, height, colorType: 3, bitDepth: 4, palette, scanlines: raw, level: 1 });
}
