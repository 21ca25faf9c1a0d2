// One entry point for the three bulletin formats.
import type { BulletinDocument } from '../../domain/bulletin/model';
import { renderDocx } from './docx';
import { renderHtml } from './html';
import { renderMarkdown } from './markdown';

export const BULLETIN_FORMATS = ['md', 'html', 'docx'] as const;
export type BulletinFormat = (typeof BULLETIN_FORMATS)[number];

export function isBulletinFormat(value: string): value is BulletinFormat {
  return (BULLETIN_FORMATS as readonly string[]).includes(value);
}

/** The file's bytes: UTF-8 text for md and html, a zip package for docx. */
export async function renderBulletin(doc: BulletinDocument, format: BulletinFormat): Promise<Buffer> {
  if (format === 'docx') return renderDocx(doc);
  return Buffer.from(format === 'html' ? renderHtml(doc) : renderMarkdown(doc), 'utf8');
}
