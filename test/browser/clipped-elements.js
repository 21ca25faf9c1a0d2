// The in-page check of layout.test.ts (evaluated as a script: the test code has no DOM types).
// The elements cut or squeezed on the page now, one line each: content wider than an element that
// does not scroll (and is not an ellipsis with its full text a hover away), a drawer, dialog or
// message outside the window, a table column under 48 px holding text, a cell so narrow its text
// wraps about one character a line, a row of tabs that overflows without antd's "more" button.
(() => {
  const found = [];
  const name = (el) => {
    const cls = typeof el.className === 'string' ? el.className.split(/\s+/).filter(Boolean)[0] : '';
    const text = (el.textContent ?? '').replace(/\s+/g, ' ').trim().slice(0, 40);
    return `${el.tagName.toLowerCase()}${cls ? `.${cls}` : ''} "${text}"`;
  };
  // (a table cell squeezed to nothing is still shown: its text spills out of it)
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const cell = el.matches('th, td');
    return (cell || box.width > 0) && box.height > 0 && getComputedStyle(el).visibility !== 'hidden';
  };
  // How far a cell's content reaches past its box, sideways (a Range: not antd's shadow of a fixed
  // column, an ::after 30 px wide that scrollWidth counts).
  const spill = (el) => {
    const range = document.createRange();
    range.selectNodeContents(el);
    const content = range.getBoundingClientRect();
    const box = el.getBoundingClientRect();
    return content.width === 0 ? 0 : Math.max(content.right - box.right, box.left - content.left);
  };
  const scrolls = (el) => /auto|scroll/.test(getComputedStyle(el).overflowX);
  // An ellipsis is a choice when the whole text is a hover away (a title on it or inside it).
  const titled = (el) =>
    !!el.closest('[title]') ||
    !!el.querySelector('[title]') ||
    !!el.querySelector('.ant-typography-ellipsis');
  const outsideWindow =
    '.ant-drawer-content-wrapper, .ant-modal-content, .ant-message-notice-content, .ant-notification-notice';
  // A table beside others (a drawer, a card in a column) that scrolls sideways hides columns from view:
  // there the table is ours to size. A page's main list may scroll.
  for (const el of document.querySelectorAll('.ant-table-content, .ant-table-body')) {
    if (shown(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth < 0.6 * innerWidth) {
      found.push(
        `a narrow table scrolls sideways (${el.scrollWidth} > ${el.clientWidth} px): ${name(el.querySelector('thead') ?? el)}`,
      );
    }
  }
  const watched = `th, td, .ant-tabs-nav, .ant-alert, .ant-card-head-title, .ant-descriptions-item-content, .ant-statistic, .ant-btn, .ant-tag, ${outsideWindow}`;
  for (const el of document.querySelectorAll(watched)) {
    if (!shown(el) || el.closest('.ant-table-measure-row, [aria-hidden="true"], .ant-table-selection-column'))
      continue;
    const box = el.getBoundingClientRect();
    if (el.matches(outsideWindow) && (box.right > innerWidth + 1 || box.left < -1)) {
      found.push(`outside the window (${Math.round(box.left)}–${Math.round(box.right)} px): ${name(el)}`);
    }
    if (el.matches('.ant-tabs-nav')) {
      const wrap = el.querySelector('.ant-tabs-nav-wrap');
      const more = el.querySelector('.ant-tabs-nav-operations:not(.ant-tabs-nav-operations-hidden)');
      const list = el.querySelector('.ant-tabs-nav-list');
      if (wrap && list && !more) {
        const vertical = el.closest('.ant-tabs-left, .ant-tabs-right, .ant-tabs-start, .ant-tabs-end');
        const over = vertical
          ? list.scrollWidth > wrap.clientWidth + 1 ||
            [...list.querySelectorAll('.ant-tabs-tab-btn')].some((b) => b.scrollWidth > b.clientWidth + 1)
          : list.scrollWidth > wrap.clientWidth + 1;
        if (over) found.push(`tabs overflow: ${name(el)}`);
      }
      continue;
    }
    const style = getComputedStyle(el);
    const over = el.matches('th, td') ? spill(el) > 1 : el.scrollWidth > el.clientWidth + 1;
    if (over && !scrolls(el) && !(style.textOverflow === 'ellipsis' && titled(el))) {
      // a cell whose content spills into the next one, or is cut
      found.push(`cut (${el.scrollWidth} > ${el.clientWidth} px): ${name(el)}`);
    }
    if (el.matches('th, td') && !el.matches('.ant-table-row-expand-icon-cell, .ant-table-selection-column')) {
      const text = (el.textContent ?? '').trim();
      const chars = [...text].length;
      if (chars >= 2 && box.width < 48) found.push(`column ${Math.round(box.width)} px wide: ${name(el)}`);
      const line = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.5;
      const em = Number.parseFloat(style.fontSize);
      if (
        chars >= 3 &&
        box.width < 3 * em + 32 &&
        box.height > 2.5 * line + 16 &&
        !el.querySelector('button, .ant-tag, img, canvas')
      ) {
        found.push(
          `one character a line (${Math.round(box.width)}×${Math.round(box.height)} px): ${name(el)}`,
        );
      }
    }
  }
  return found;
})();
