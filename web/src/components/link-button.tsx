// A button that is a link: an <a href> styled as an antd Button. A plain click navigates inside the
// app; a middle click, Ctrl/⌘-click or "open in new tab" opens the address in another tab.
import { Button, type ButtonProps } from 'antd';
import type { MouseEvent } from 'react';
import { navigate } from '../router';

export function LinkButton({ to, ...props }: { to: string } & Omit<ButtonProps, 'href' | 'onClick'>) {
  const onClick = (event: MouseEvent<HTMLElement>) => {
    if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return <Button {...props} href={to} onClick={onClick} />;
}
