import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { AccessProvider } from './access.tsx';
import { ApiError, getSession, logout, type Session, setUnauthorizedHandler, type User } from './api.ts';
import { ChangePasswordPage } from './auth/change-password-page.tsx';
import { LoginPage } from './auth/login-page.tsx';
import { LiveStatus, LoadError } from './components/load-status.tsx';
import { NotFoundPage } from './components/not-found-page.tsx';
import { SiteHeader } from './components/site-header.tsx';
import { HomePage } from './dashboard/home-page.tsx';
import { useI18n } from './language.tsx';
import { LocatorPage } from './locator/locator-page.tsx';
import { PeoplePage } from './people/people-page.tsx';
import { PersonPage } from './people/person-page.tsx';
import { ScreeningPage } from './people/screening-page.tsx';
import { matchRoute, navigate, type Route, useLocation, withQuery } from './router.tsx';
import { StatisticsPage } from './statistics/statistics-page.tsx';
import { ManifestPage } from './transfers/manifest-page.tsx';
import { ManifestsPage } from './transfers/manifests-page.tsx';
import { TransferPage } from './transfers/transfer-page.tsx';
import { TransfersPage } from './transfers/transfers-page.tsx';

/**
 * The facility, standards and billing pages load when first opened (their own chunks), so the first page
 * a user opens doesn't wait for code it doesn't show.
 */
const AllocationPage = lazy(() =>
  import('./facilities/allocation-page.tsx').then((m) => ({ default: m.AllocationPage })),
);
const CompliancePage = lazy(() =>
  import('./custody/compliance-page.tsx').then((m) => ({ default: m.CompliancePage })),
);
const FacilitiesPage = lazy(() =>
  import('./facilities/facilities-page.tsx').then((m) => ({ default: m.FacilitiesPage })),
);
const FacilityPage = lazy(() =>
  import('./facilities/facility-page.tsx').then((m) => ({ default: m.FacilityPage })),
);
const FinancePage = lazy(() =>
  import('./billing/finance-page.tsx').then((m) => ({ default: m.FinancePage })),
);
const IncidentPage = lazy(() =>
  import('./custody/incident-page.tsx').then((m) => ({ default: m.IncidentPage })),
);
const IncidentsPage = lazy(() =>
  import('./custody/incidents-page.tsx').then((m) => ({ default: m.IncidentsPage })),
);
const InvoicePage = lazy(() =>
  import('./billing/invoice-page.tsx').then((m) => ({ default: m.InvoicePage })),
);
const InvoicesPage = lazy(() =>
  import('./billing/invoices-page.tsx').then((m) => ({ default: m.InvoicesPage })),
);
const PartiesPage = lazy(() =>
  import('./parties/parties-page.tsx').then((m) => ({ default: m.PartiesPage })),
);
const UsersPage = lazy(() => import('./users/users-page.tsx').then((m) => ({ default: m.UsersPage })));
const ReleasesDuePage = lazy(() =>
  import('./releases/releases-due-page.tsx').then((m) => ({ default: m.ReleasesDuePage })),
);
const IsolationPage = lazy(() =>
  import('./custody/isolation-page.tsx').then((m) => ({ default: m.IsolationPage })),
);
const HearingDayPage = lazy(() =>
  import('./hearings/hearing-day-page.tsx').then((m) => ({ default: m.HearingDayPage })),
);
const CourtDayPage = lazy(() =>
  import('./hearings/court-day-page.tsx').then((m) => ({ default: m.CourtDayPage })),
);
const RoomsPage = lazy(() => import('./hearings/rooms-page.tsx').then((m) => ({ default: m.RoomsPage })));
const LegalVisitsPage = lazy(() =>
  import('./visits/legal-visits-page.tsx').then((m) => ({ default: m.LegalVisitsPage })),
);
const RegimePage = lazy(() => import('./custody/regime-page.tsx').then((m) => ({ default: m.RegimePage })));

type AuthState =
  | { status: 'checking' }
  | { status: 'error'; error: ApiError }
  | { status: 'anonymous'; notice: 'signedOut' | 'expired' | null }
  | { status: 'signedIn'; session: Session };

/** Where to go after signing in: a path inside the app, never another site and never the login page. */
function safeNext(next: string | null): string {
  if (!next?.startsWith('/') || next.startsWith('//') || next.startsWith('/login')) return '/';
  return next;
}

/**
 * The shell: asks the API for the session on load, shows the sign-in page or the app, and keeps the two
 * apart — any 401 later sends the reader back to sign in, returning to the page they were on afterwards.
 */
export function App() {
  const { t } = useI18n();
  const location = useLocation();
  const route = matchRoute(location.pathname);
  const [auth, setAuth] = useState<AuthState>({ status: 'checking' });
  const [attempt, setAttempt] = useState(0);
  const mainRef = useRef<HTMLElement>(null);
  const firstPath = useRef(location.pathname);

  useEffect(() => {
    setUnauthorizedHandler(() => setAuth({ status: 'anonymous', notice: 'expired' }));
  }, []);

  // biome-ignore lint/correctness/useExhaustiveDependencies: `attempt` only triggers a new check.
  useEffect(() => {
    let live = true;
    getSession().then(
      (session) => {
        if (live) setAuth(session ? { status: 'signedIn', session } : { status: 'anonymous', notice: null });
      },
      (error: unknown) => {
        if (!live) return;
        setAuth({ status: 'error', error: error instanceof ApiError ? error : new ApiError(0, {}) });
      },
    );
    return () => {
      live = false;
    };
  }, [attempt]);

  // Signed out: every page but /login and the public pages (locator, statistics) redirects there,
  // remembering where the reader was going. Signed in: /login goes on to that page.
  const isPublic = route.name === 'locator' || route.name === 'statistics';
  useEffect(() => {
    if (auth.status === 'anonymous' && route.name !== 'login' && !isPublic) {
      const here = window.location.pathname + window.location.search;
      navigate(withQuery('/login', { next: here === '/' ? null : here }), { replace: true });
    } else if (auth.status === 'signedIn' && route.name === 'login') {
      navigate(safeNext(new URLSearchParams(window.location.search).get('next')), { replace: true });
    }
  }, [auth.status, route.name, isPublic]);

  // After an in-app navigation, move focus to the new page so screen readers start reading it.
  useEffect(() => {
    if (location.pathname === firstPath.current) return;
    firstPath.current = '';
    mainRef.current?.focus();
  }, [location.pathname]);

  const signOut = async () => {
    try {
      await logout();
    } catch {
      // The session is gone either way for this page; the cookie expires on its own.
    }
    setAuth({ status: 'anonymous', notice: 'signedOut' });
    navigate('/login');
  };

  const user = auth.status === 'signedIn' ? auth.session.user : null;
  // After an admin reset the password, the session opens nothing but setting a new one.
  const mustChange = auth.status === 'signedIn' && auth.session.mustChangePassword;

  return (
    <AccessProvider
      actions={auth.status === 'signedIn' && !mustChange ? auth.session.permissions : []}
      userRole={user?.role ?? null}
    >
      <a className="usa-skipnav" href="#main-content">
        {t('app.skip')}
      </a>
      <SiteHeader route={route} user={user} onLogout={signOut} />
      <main id="main-content" ref={mainRef} tabIndex={-1} className="grid-container custodia-main">
        {route.name === 'locator' && <LocatorPage signedIn={auth.status === 'signedIn'} />}
        {route.name === 'statistics' && <StatisticsPage signedIn={auth.status === 'signedIn'} />}
        {!isPublic && auth.status === 'checking' && <LiveStatus text={t('app.loading')} />}
        {!isPublic && auth.status === 'error' && (
          <LoadError error={auth.error} onRetry={() => setAttempt((n) => n + 1)} />
        )}
        {auth.status === 'anonymous' && route.name === 'login' && (
          <LoginPage
            notice={auth.notice}
            onSignedIn={(session) => setAuth({ status: 'signedIn', session })}
          />
        )}
        {auth.status === 'signedIn' && mustChange && !isPublic && (
          <ChangePasswordPage
            name={auth.session.user.name}
            onChanged={(session) => setAuth({ status: 'signedIn', session })}
          />
        )}
        {auth.status === 'signedIn' && !mustChange && !isPublic && (
          <Suspense fallback={<LiveStatus text={t('app.loading')} />}>
            <Page route={route} user={auth.session.user} />
          </Suspense>
        )}
      </main>
      <footer className="usa-footer usa-footer--slim">
        <div className="usa-footer__secondary-section">
          <div className="grid-container">
            <p className="margin-0">{t('app.footer')}</p>
          </div>
        </div>
      </footer>
    </AccessProvider>
  );
}

function Page({ route, user }: { route: Route; user: User }) {
  switch (route.name) {
    case 'dashboard':
      return <HomePage />;
    case 'people':
      return <PeoplePage />;
    case 'person':
      return <PersonPage key={route.id} id={route.id} />;
    case 'screening':
      return <ScreeningPage key={route.id} id={route.id} />;
    case 'transfers':
      return <TransfersPage />;
    case 'transfer':
      return <TransferPage key={route.id} id={route.id} user={user} />;
    case 'manifests':
      return <ManifestsPage />;
    case 'manifest':
      return <ManifestPage key={route.id} id={route.id} />;
    case 'facilities':
      return <FacilitiesPage />;
    case 'facility':
      return <FacilityPage key={route.id} id={route.id} user={user} />;
    case 'allocation':
      return <AllocationPage key={route.id} id={route.id} />;
    case 'regime':
      return <RegimePage key={route.id} id={route.id} />;
    case 'incidents':
      return <IncidentsPage key={route.id} id={route.id} />;
    case 'incident':
      return <IncidentPage key={route.id} id={route.id} />;
    case 'isolation':
      return <IsolationPage key={route.id} id={route.id} />;
    case 'releases':
      return <ReleasesDuePage key={route.id} id={route.id} />;
    case 'compliance':
      return <CompliancePage key={route.id} id={route.id} />;
    case 'legal-visits':
      return <LegalVisitsPage key={route.id} id={route.id} />;
    case 'hearings':
      return <HearingDayPage key={route.id} id={route.id} />;
    case 'rooms':
      return <RoomsPage key={route.id} id={route.id} />;
    case 'court-hearings':
      return <CourtDayPage />;
    case 'invoices':
      return <InvoicesPage />;
    case 'invoice':
      return <InvoicePage key={route.id} id={route.id} />;
    case 'finance':
      return <FinancePage />;
    case 'users':
      return <UsersPage user={user} />;
    case 'parties':
      return <PartiesPage />;
    case 'login':
    case 'locator':
    case 'statistics':
      return null;
    case 'notFound':
      return <NotFoundPage />;
  }
}
