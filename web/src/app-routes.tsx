// The route tree (react-router, data mode), layouts nested as the screen is:
//
//   Frame (scroll restoration)
//   ├─ /public/:slug           a published result for anyone: no session, no shell
//   └─ SessionLayout           the signed-in account (/api/auth/me)
//      ├─ /login               the login page; signed in, it goes on to ?next= (or /todos, 待办)
//      └─ SignedIn             no session → /login?next=<here>; a pending step (password, TOTP)
//         └─ Shell             menu, header, breadcrumb (the 大屏 alone, without them)
//            ├─ each page of routes.tsx (its capability checked: 403 otherwise)
//            └─ *              页面不存在
//
// The shell and every page are lazy chunks, so the entry holds only React, the providers and this.
import { lazy, type ReactNode, Suspense } from 'react';
import { Navigate, Outlet, type RouteObject, ScrollRestoration, useLocation, useParams } from 'react-router';
import { nextPath } from './router';
import { ROUTES } from './routes';
import { SessionProvider, useSession } from './session';

const LoginPage = lazy(() => import('./pages/login'));
const PasswordPage = lazy(() => import('./pages/password'));
const TotpPage = lazy(() => import('./pages/totp'));
const PublicResultsPage = lazy(() => import('./pages/public-results'));
const Shell = lazy(() => import('./layout/shell'));
const RoutePage = lazy(() => import('./layout/route-page'));
const NotFound = lazy(() => import('./layout/not-found'));

const SLUG = /^[a-z0-9]{1,64}$/;

export function appRoutes(): RouteObject[] {
  return [
    {
      element: <Frame />,
      children: [
        { path: '/public/:slug', element: <PublicRoute /> },
        {
          element: <SessionLayout />,
          children: [
            { path: '/login', element: <LoginRoute /> },
            {
              element: <SignedIn />,
              children: [
                ...ROUTES.map((route) => ({
                  path: route.path,
                  handle: route,
                  element: <RoutePage route={route} />,
                })),
                { path: '*', element: <NotFound /> },
              ],
            },
          ],
        },
      ],
    },
  ];
}

function Frame() {
  return (
    <>
      <ScrollRestoration />
      <Outlet />
    </>
  );
}

function PublicRoute() {
  const { slug = '' } = useParams();
  return <Lazy>{SLUG.test(slug) ? <PublicResultsPage slug={slug} /> : <NotFound alone />}</Lazy>;
}

function SessionLayout() {
  return (
    <SessionProvider>
      <Outlet />
    </SessionProvider>
  );
}

function LoginRoute() {
  const { state } = useSession();
  const { search } = useLocation();
  if (state.status === 'loading') return <FullPageLoading />;
  if (state.status === 'signed-in') return <Navigate to={nextPath(search)} replace />;
  return (
    <Lazy>
      <LoginPage reason={state.reason} />
    </Lazy>
  );
}

function SignedIn() {
  const { state } = useSession();
  const { pathname, search } = useLocation();
  if (state.status === 'loading') return <FullPageLoading />;
  if (state.status === 'anonymous') {
    const here = pathname + search;
    return <Navigate to={here === '/' ? '/login' : `/login?next=${encodeURIComponent(here)}`} replace />;
  }
  const { me } = state;
  let screen: ReactNode;
  if (me.pending === 'totp_enrolment') screen = <TotpPage forced />;
  else if (me.pending) screen = <PasswordPage forced={me.pending} />;
  else screen = <Shell me={me} />;
  return <Lazy>{screen}</Lazy>;
}

function Lazy({ children }: { children: ReactNode }) {
  return <Suspense fallback={<FullPageLoading />}>{children}</Suspense>;
}

/** Plain markup (no antd component), so the entry chunk stays small. */
export function FullPageLoading() {
  return (
    <div className="sibi-fullpage" role="status" aria-busy="true">
      <span className="sibi-spinner" />
    </div>
  );
}
