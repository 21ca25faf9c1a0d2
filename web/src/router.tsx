// The app's few words for moving around, over react-router (data mode, createBrowserRouter): the
// route tree is in app-routes.tsx, the page table in routes.tsx. Pages use `Link` for anything the
// user may open in a new tab, `navigate` after an action, and `setSearch` for filters and page
// numbers kept in the query string (so a view can be bookmarked and linked).
import { useMemo } from 'react';
import { createBrowserRouter, type RouteObject, useLocation as useRouterLocation } from 'react-router';

export { Link } from 'react-router';

type AppRouter = ReturnType<typeof createBrowserRouter>;
let router: AppRouter | null = null;

/** Creates the app's one router (app.tsx, once). */
export function startRouter(routes: RouteObject[]): AppRouter {
  router = createBrowserRouter(routes);
  return router;
}

function active(): AppRouter {
  if (!router) throw new Error('the router has not started');
  return router;
}

const currentUrl = () => {
  const { pathname, search } = active().state.location;
  return pathname + search;
};

/** Goes to a path inside the app (a new history entry unless `replace`); scrolls to the top. */
export function navigate(to: string, options: { replace?: boolean } = {}): void {
  if (to === currentUrl()) return;
  void active().navigate(to, { replace: options.replace });
}

export interface AppLocation {
  pathname: string;
  search: URLSearchParams;
}

/** The current location; the component re-renders when it changes. */
export function useLocation(): AppLocation {
  const { pathname, search } = useRouterLocation();
  return useMemo(() => ({ pathname, search: new URLSearchParams(search) }), [pathname, search]);
}

/**
 * Replaces the query string (filters, page numbers) without a new history entry, keeping the
 * scroll position. The page re-renders at once (flushSync), not in a transition React may put off:
 * a search shows its loading state the moment it is asked for, never the previous filter's rows as
 * if they were the answer (a transition took over half a second on a loaded machine, the address
 * already changed).
 */
export function setSearch(params: Record<string, string | number | null | undefined>): void {
  const { pathname, search: current } = active().state.location;
  const search = new URLSearchParams(current);
  for (const [name, value] of Object.entries(params)) {
    if (value === null || value === undefined || value === '') search.delete(name);
    else search.set(name, String(value));
  }
  const query = search.toString();
  const to = `${pathname}${query ? `?${query}` : ''}`;
  if (to === currentUrl()) return;
  void active().navigate(to, { replace: true, preventScrollReset: true, flushSync: true });
}

/** Where to go after signing in: ?next= when it is a path inside the app, else the to-do list (待办). */
export function nextPath(search: string): string {
  const next = new URLSearchParams(search).get('next');
  return next?.startsWith('/') && !next.startsWith('//') && !next.startsWith('/login') ? next : '/todos';
}
