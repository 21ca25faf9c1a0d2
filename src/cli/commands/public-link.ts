// `sibi public-link`: the public link (short link /p/<slug>, QR code) of a published evaluation or
// honours list — create (or show the open one), or revoke.
import type { Command } from 'commander';
import type { Database } from '../../db/client';
import { provinceOf } from '../../domain/regions';
import { UsageError } from '../../services/errors';
import { loadPublishedHonourList } from '../../services/honours';
import { ensurePublicLink, type LinkTarget, revokePublicLinks } from '../../services/public-links';
import { loadPublishedEvaluation } from '../../services/published-evaluations';
import { CLI_ACTOR, printJson, withDatabase } from '../run';
import { idOf } from './honours';

async function targetOf(database: Database, kind: string, id: number): Promise<LinkTarget> {
  if (kind === 'evaluation') {
    const stored = await loadPublishedEvaluation(database, id);
    return { kind, id, provinceCode: provinceOf(stored.parentCode) };
  }
  if (kind === 'honours') {
    const list = await loadPublishedHonourList(database, id);
    return { kind, id, provinceCode: list.provinceCode };
  }
  throw new UsageError(`类别应为 evaluation 或 honours，而不是 "${kind}"`);
}

export function registerPublicLinkCommand(program: Command): void {
  program
    .command('public-link <kind> <id>')
    .description('已发布考评结果（evaluation）或荣誉名单（honours）的公开链接：创建（已有则显示）或撤销')
    .option('--revoke', '撤销（短链接、二维码与公开页面随即 404）')
    .option('--json', '输出一个 JSON 文档')
    .action(async (kind: string, id: string, opts: { revoke?: boolean; json?: boolean }) => {
      const ctx = { actor: CLI_ACTOR, ip: null, now: new Date() };
      const base = (process.env.SIBI_PUBLIC_URL ?? '').replace(/\/+$/, '');
      await withDatabase(async (database) => {
        const target = await targetOf(database, kind, idOf(id));
        if (opts.revoke) {
          const revoked = await revokePublicLinks(database, target, ctx);
          if (opts.json) return printJson({ revoked });
          process.stdout.write(revoked.length ? `已撤销：${revoked.join('、')}\n` : '没有未撤销的公开链接\n');
          return;
        }
        const { link, created } = await ensurePublicLink(database, target, ctx);
        const shortUrl = `${base}/p/${link.slug}`;
        if (opts.json) return printJson({ slug: link.slug, shortUrl, created });
        process.stdout.write(
          `${created ? '已创建' : '已有'}公开链接：${shortUrl}\n二维码：${base}/api/public/${kind === 'evaluation' ? 'results' : 'honours'}/${link.slug}/qr.svg（或 qr.png）\n` +
            (base ? '' : '（设置 SIBI_PUBLIC_URL 为对外地址后显示完整网址）\n'),
        );
      });
    });
}
