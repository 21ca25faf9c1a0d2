// Text put into an ECharts tooltip is HTML (the default renderer sets innerHTML): a unit, project or
// region name, or any other text from the data, is escaped before it goes in (issue #14), so a name
// such as <img src=x onerror=…> shows as text instead of running in the reader's session.
export const escapeHtml = (text: string): string =>
  text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&#39;');
