import { type AnchorHTMLAttributes, type MouseEvent, useSyncExternalStore } from 'react';

/**
 * A tiny History API router: the location is an external store read with useSyncExternalStore, `navigate`
 * pushes or replaces an entry, and `<Link>` turns plain left-clicks into `navigate` calls (other clicks —
 * new tab, modifier keys — keep the browser's behaviour). The server answers unknown non-/api paths with
 * index.html, so every route can be reloaded.
 */

/** The pages of the app and their parameters. */
export type Route =
  | { name: 'login' }
  | { name: 'locator' }
  | { name: 'statistics' }
  | { name: 'dashboard' }
  | { name: 'people' }
  | { name: 'person'; id: string }
  | { name: 'screening'; id: string }
  | { name: 'transfers' }
  | { name: 'transfer'; id: string }
  | { name: 'manifests' }
  | { name: 'manifest'; id: string }
  | { name: 'facilities' }
  | { name: 'facility'; id: string }
  | { name: 'allocation'; id: string }
  | { name: 'regime'; id: string }
  | { name: 'incidents'; id: string }
  | { name: 'incident'; id: string }
  | { name: 'isolation'; id: string }
  | { name: 'releases'; id: string }
  | { name: 'compliance'; id: string }
  | { name: 'legal-visits'; id: string }
  | { name: 'hearings'; id: string }
  | { name: 'court-hearings' }
  | { name: 'rooms'; id: string }
  | { name: 'invoices' }
  | { name: 'invoice'; id: string }
  | { name: 'finance' }
  | { name: 'users' }
  | { name: 'parties' }
  | { name: 'notFound' };

/** Which page a path shows. */
export function matchRoute(pathname: string): Route {
  const path = pathname.replace(/\/+$/, '') || '/';
  if (path === '/') return { name: 'dashboard' };
  if (path === '/login') return { name: 'login' };
  if (path === '/locator') return { name: 'locator' };
  if (path === '/statistics') return { name: 'statistics' };
  if (path === '/people') return { name: 'people' };
  const person = /^\/people\/([^/]+)$/.exec(path);
  if (person?.[1]) return { name: 'person', id: decodeURIComponent(person[1]) };
  const screening = /^\/people\/([^/]+)\/screening$/.exec(path);
  if (screening?.[1]) return { name: 'screening', id: decodeURIComponent(screening[1]) };
  if (path === '/transfers') return { name: 'transfers' };
  const transfer = /^\/transfers\/([^/]+)$/.exec(path);
  if (transfer?.[1]) return { name: 'transfer', id: decodeURIComponent(transfer[1]) };
  if (path === '/manifests') return { name: 'manifests' };
  const manifest = /^\/manifests\/([^/]+)$/.exec(path);
  if (manifest?.[1]) return { name: 'manifest', id: decodeURIComponent(manifest[1]) };
  if (path === '/facilities') return { name: 'facilities' };
  const facility =
    /^\/facilities\/([^/]+)(?:\/(allocation|regime|incidents|isolation|releases|compliance|legal-visits|hearings|rooms))?$/.exec(
      path,
    );
  if (facility?.[1]) {
    const id = decodeURIComponent(facility[1]);
    const part = facility[2] as
      | 'allocation'
      | 'regime'
      | 'incidents'
      | 'isolation'
      | 'releases'
      | 'compliance'
      | 'legal-visits'
      | 'hearings'
      | 'rooms'
      | undefined;
    return { name: part ?? 'facility', id };
  }
  const incident = /^\/incidents\/([^/]+)$/.exec(path);
  if (incident?.[1]) return { name: 'incident', id: decodeURIComponent(incident[1]) };
  if (path === '/invoices') return { name: 'invoices' };
  const invoice = /^\/invoices\/([^/]+)$/.exec(path);
  if (invoice?.[1]) return { name: 'invoice', id: decodeURIComponent(invoice[1]) };
  if (path === '/finance') return { name: 'finance' };
  if (path === '/users') return { name: 'users' };
  if (path === '/parties') return { name: 'parties' };
  if (path === '/court-hearings') return { name: 'court-hearings' };
  return { name: 'notFound' };
}

const NAVIGATE_EVENT = 'custodia:navigate';

function subscribe(onChange: () => void): () => void {
  window.addEventListener('popstate', onChange);
  window.addEventListener(NAVIGATE_EVENT, onChange);
  return () => {
    window.removeEventListener('popstate', onChange);
    window.removeEventListener(NAVIGATE_EVENT, onChange);
  };
}

const snapshot = () => window.location.pathname + window.location.search;

/** The current path and query, e.g. `/people?q=perez`; re-renders when it changes. */
export function useLocation(): { pathname: string; search: URLSearchParams; href: string } {
  const href = useSyncExternalStore(subscribe, snapshot);
  const url = new URL(href, window.location.origin);
  return { pathname: url.pathname, search: url.searchParams, href };
}

/** Goes to `to` (a path with optional query), adding a history entry unless `replace`. */
export function navigate(to: string, options: { replace?: boolean; state?: unknown } = {}): void {
  if (to === snapshot() && options.state === undefined) return;
  if (options.replace) window.history.replaceState(options.state ?? null, '', to);
  else window.history.pushState(options.state ?? null, '', to);
  window.dispatchEvent(new Event(NAVIGATE_EVENT));
}

/** The state stored with the current history entry (it survives a reload). */
export function historyState(): unknown {
  return window.history.state;
}

/** A path with a query built from the defined, non-empty values of `params`. */
export function withQuery(path: string, params: Record<string, string | null | undefined>): string {
  const query = new URLSearchParams();
  for (const [name, value] of Object.entries(params)) {
    if (value) query.set(name, value);
  }
  const text = query.toString();
  return text ? `${path}?${text}` : path;
}

type LinkProps = AnchorHTMLAttributes<HTMLAnchorElement> & { href: string; state?: unknown };

/** An `<a>` that navigates inside the app on a plain click. */
export function Link({ href, state, onClick, ...rest }: LinkProps) {
  const handle = (event: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(event);
    if (
      event.defaultPrevented ||
      event.button !== 0 ||
      event.metaKey ||
      event.ctrlKey ||
      event.shiftKey ||
      event.altKey ||
      rest.target
    ) {
      return;
    }
    event.preventDefault();
    navigate(href, { state });
  };
  return <a href={href} onClick={handle} {...rest} />;
}
