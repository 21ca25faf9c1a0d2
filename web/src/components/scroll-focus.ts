// A table that scrolls sideways (a phone) or down must be reachable by keyboard (WCAG 2.1.1; axe's
// scrollable-region-focusable): antd gives its scroll container no tabindex, so a table with no
// link or button in it could not be scrolled without a mouse. Each render, a scrolling container
// becomes a named, focusable region; one that fits is left alone.
import type { TableRef } from 'antd/es/table';
import { type RefObject, useEffect } from 'react';

export function useFocusableScroll(table: RefObject<TableRef | null>, label: string): void {
  useEffect(() => focusableScroll(table.current, label));
}

/** The same for a table at hand (after its render): a list of tables, each with a ref of its own. */
export function focusableScroll(table: TableRef | null, label: string): void {
  const root = table?.nativeElement;
  if (!root) return;
  for (const el of root.querySelectorAll<HTMLElement>('.ant-table-content, .ant-table-body')) {
    if (el.scrollWidth > el.clientWidth || el.scrollHeight > el.clientHeight) {
      el.tabIndex = 0;
      el.setAttribute('role', 'region');
      el.setAttribute('aria-label', label);
    } else if (el.getAttribute('role') === 'region') {
      el.removeAttribute('tabindex');
      el.removeAttribute('role');
      el.removeAttribute('aria-label');
    }
  }
}
