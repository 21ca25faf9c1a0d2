// Content-Disposition for a download: an ASCII fallback name and the real (Chinese) one, RFC 6266.
export function attachment(name: string, disposition: 'attachment' | 'inline' = 'attachment'): string {
  return `${disposition}; filename="${name.replace(/[^\x20-\x7e]|"/g, '_')}"; filename*=UTF-8''${encodeURIComponent(name)}`;
}
