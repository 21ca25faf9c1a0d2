// A page's title row: the title on the left, the page's actions on the right.
import { Typography } from 'antd';
import type { ReactNode } from 'react';

export function PageHeader({ title, extra }: { title: ReactNode; extra?: ReactNode }) {
  return (
    <div className="sibi-page-header">
      <Typography.Title level={4} className="sibi-page-title">
        {title}
      </Typography.Title>
      {extra && <div className="sibi-page-extra">{extra}</div>}
    </div>
  );
}
