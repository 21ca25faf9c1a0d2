// English strings of the public results page and the public-link panel; every key of public.zh-CN.ts.
import type { publicZhCN } from './public.zh-CN';

export const publicEn: Record<keyof typeof publicZhCN, string> = {
  'public.brand': 'Sibi · Published results',
  'public.evaluationTitle': '{region} {period}: results of “{scheme}”',
  'public.honoursTitle': '{title}',
  'public.publishedAt': 'Published',
  'public.hash': 'Content hash (SHA-256)',
  'public.scheme': 'Scheme',
  'public.shortLink': 'Short link',
  'public.issuedBy': 'Issued by',
  'public.issuedOn': 'Issued on',
  'public.year': 'Year',
  'public.scan': 'Scan to open this page',
  'public.print': 'Print',
  'public.rank': 'Rank',
  'public.unit': 'Unit',
  'public.score': 'Total score',
  'public.base': 'Base score',
  'public.bonus': 'Bonus',
  'public.penalty': 'Penalty',
  'public.position': 'No.',
  'public.name': 'Name',
  'public.region': 'Region code',
  'public.category': 'Category',
  'public.note': 'Note',
  'public.entries': '{count} in all',
  'public.footer':
    'This page shows only what was published, and a publication never changes; the content hash lets anyone check a printed or reposted copy against it.',
  'public.notFound': 'This link is invalid or has been revoked',
  'public.notFoundHint':
    'Check the link or QR code. Once the publisher revokes a link, this page shows nothing any more.',
  'public.language': '中文',
  'publicLink.title': 'Public link',
  'publicLink.none':
    'Not public yet. With a public link anyone can open these results by short link or QR code without signing in (the published ranks and scores only).',
  'publicLink.create': 'Create public link',
  'publicLink.open': 'Open the public page',
  'publicLink.downloadSvg': 'Download QR code (SVG)',
  'publicLink.downloadPng': 'Download QR code (PNG)',
  'publicLink.revoke': 'Revoke public link',
  'publicLink.revokeConfirm':
    'Once revoked, the short link, the QR code and the public page stop working at once, printed QR codes included. Revoke?',
  'publicLink.revoked': 'Public link revoked',
  'publicLink.created': 'Public link created',
  'publicLink.createdBy': 'created by {by} on {at}',
  'publicLink.qrAlt': 'QR code of the short link',
};
