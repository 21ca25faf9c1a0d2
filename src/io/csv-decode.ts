// CSV text encodings: a BOM or valid UTF-8 means UTF-8, anything else is read as GB18030 (a superset of GBK).

import { createReadStream } from 'node:fs';
import iconv from 'iconv-lite';

export type CsvEncoding = 'utf-8' | 'gb18030';

const UTF8_BOM = [0xef, 0xbb, 0xbf];

/** One streaming pass over the file: stops early at a BOM or at the first invalid UTF-8 sequence. */
export async function detectEncoding(path: string): Promise<CsvEncoding> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  let first = true;
  const stream = createReadStream(path);
  try {
    for await (const chunk of stream as AsyncIterable<Buffer>) {
      if (first && UTF8_BOM.every((byte, i) => chunk[i] === byte)) return 'utf-8';
      first = false;
      decoder.decode(chunk, { stream: true });
    }
    decoder.decode();
    return 'utf-8';
  } catch {
    return 'gb18030';
  } finally {
    stream.destroy();
  }
}

/** Decoded text of the file in chunks; a UTF-8 BOM is dropped. */
export async function* decodeFile(path: string, encoding: CsvEncoding): AsyncGenerator<string> {
  const decoder = encoding === 'utf-8' ? utf8Decoder() : iconv.getDecoder('gb18030');
  for await (const chunk of createReadStream(path) as AsyncIterable<Buffer>) {
    const text = decoder.write(chunk);
    if (text) yield text;
  }
  const rest = decoder.end();
  if (rest) yield rest;
}

function utf8Decoder(): { write(chunk: Buffer): string; end(): string | undefined } {
  const decoder = new TextDecoder('utf-8');
  return {
    write: (chunk) => decoder.decode(chunk, { stream: true }),
    end: () => decoder.decode(),
  };
}
