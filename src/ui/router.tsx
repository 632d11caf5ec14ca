/**
 * The app's router. URLs are hash routes (`#/chapter/risk-identification/s2?hl=…`): one HTML file serves every
 * page, so the app works from any sub-path, inside an LMS frame, from a SCORM zip and offline. A memory router
 * drives the same components in tests.
 *
 * The API is the small part of react-router the app uses — `Routes`/`Route` (static paths, `:param`, optional
 * `:param?`, `*`, index and layout routes with `Outlet`), `Link`, `useLocation`, `useParams`, `useSearchParams`,
 * `useNavigate` — at a fraction of its size in the first view.
 */
import {
  Children,
  createContext,
  useCallback,
  isValidElement,
  useContext,
  useMemo,
  useState,
  useSyncExternalStore,
  type AnchorHTMLAttributes,
  type MouseEvent,
  type ReactElement,
  type ReactNode,
} from 'react';

export interface Location {
  /** always starts with "/", as written in the URL (not decoded) */
  pathname: string;
  /** "" or "?…" */
  search: string;
}

interface Navigator {
  location: Location;
  navigate: (to: string, options?: { replace?: boolean }) => void;
  /** links need a click handler: a memory router has no URL for the browser to follow */
  memory: boolean;
}

/** "/a/b?x=1" (or "a/b", or "") → its pathname and search */
export function parseTo(to: string): Location {
  const q = to.indexOf('?');
  const path = q < 0 ? to : to.slice(0, q);
  return { pathname: path.startsWith('/') ? path : `/${path}`, search: q < 0 ? '' : to.slice(q) };
}

const hashSnapshot = () => window.location.hash;
const subscribeHash = (onChange: () => void) => {
  window.addEventListener('hashchange', onChange);
  window.addEventListener('popstate', onChange);
  return () => {
    window.removeEventListener('hashchange', onChange);
    window.removeEventListener('popstate', onChange);
  };
};

function navigateHash(to: string, options?: { replace?: boolean }) {
  if (options?.replace) {
    window.history.replaceState(window.history.state, '', `#${to}`);
    window.dispatchEvent(new HashChangeEvent('hashchange'));
  } else window.location.hash = to;
}

// outside any router (a component rendered on its own), links and hooks read the page's hash
const NavigatorContext = createContext<Navigator | null>(null);

function useNavigator(): Navigator {
  const own = useContext(NavigatorContext);
  const hash = useSyncExternalStore(subscribeHash, hashSnapshot, () => '');
  const fallback = useMemo(() => ({ location: parseTo(hash.slice(1)), navigate: navigateHash, memory: false }), [hash]);
  return own ?? fallback;
}

/** Routes from the page's URL hash; a new hash is a new history entry, so Back and Forward work. */
export function HashRouter({ children }: { children: ReactNode }) {
  const hash = useSyncExternalStore(subscribeHash, hashSnapshot, () => '');
  const value = useMemo<Navigator>(() => ({ location: parseTo(hash.slice(1)), navigate: navigateHash, memory: false }), [hash]);
  return <NavigatorContext.Provider value={value}>{children}</NavigatorContext.Provider>;
}

/** Routes from memory (tests): starts at the last of `initialEntries`. */
export function MemoryRouter({ initialEntries = ['/'], children }: { initialEntries?: string[]; children: ReactNode }) {
  const [to, setTo] = useState(() => initialEntries.at(-1) ?? '/');
  const value = useMemo<Navigator>(() => ({ location: parseTo(to), navigate: (next) => setTo(next), memory: true }), [to]);
  return <NavigatorContext.Provider value={value}>{children}</NavigatorContext.Provider>;
}

export function useLocation(): Location {
  return useNavigator().location;
}

export function useNavigate(): Navigator['navigate'] {
  return useNavigator().navigate;
}

type SetSearchParams = (next: Record<string, string>, options?: { replace?: boolean }) => void;

/** The location's query, and a setter that keeps the pathname (with `replace`, without a new history entry). */
export function useSearchParams(): [URLSearchParams, SetSearchParams] {
  const { location, navigate } = useNavigator();
  const { pathname, search } = location;
  const params = useMemo(() => new URLSearchParams(search), [search]);
  const set = useCallback<SetSearchParams>((next, options) => {
    const q = new URLSearchParams(next).toString();
    navigate(q ? `${pathname}?${q}` : pathname, options);
  }, [navigate, pathname]);
  return [params, set];
}

type Params = Record<string, string | undefined>;
const ParamsContext = createContext<Params>({});
const OutletContext = createContext<ReactNode>(null);

export function useParams(): Params {
  return useContext(ParamsContext);
}

/** The matched child route of a layout route. */
export function Outlet() {
  return <>{useContext(OutletContext)}</>;
}

/**
 * Matches a route pattern ("chapter/:chapterId/:sectionId?", "/search", "*") against a pathname; the parameters
 * (decoded) on a match, null otherwise.
 */
export function matchPath(pattern: string, pathname: string): Params | null {
  const want = pattern.split('/').filter(Boolean);
  const have = pathname.split('/').filter(Boolean);
  const params: Params = {};
  for (let i = 0; i < want.length; i++) {
    const w = want[i]!;
    if (w === '*') return params;
    const h = have[i];
    if (w.startsWith(':')) {
      const optional = w.endsWith('?');
      const name = w.slice(1, optional ? -1 : undefined);
      if (h === undefined) {
        if (optional) continue;
        return null;
      }
      try {
        params[name] = decodeURIComponent(h);
      } catch {
        params[name] = h;
      }
    } else if (h !== w) return null;
  }
  return have.length <= want.length ? params : null;
}

interface RouteProps {
  path?: string;
  index?: boolean;
  element?: ReactNode;
  children?: ReactNode;
}

/** A route of `Routes`; it renders nothing itself. */
export function Route(props: RouteProps): ReactElement | null {
  void props;
  return null;
}

function routesOf(children: ReactNode): RouteProps[] {
  const out: RouteProps[] = [];
  Children.forEach(children, (c) => {
    if (isValidElement<RouteProps>(c) && c.type === Route) out.push(c.props);
  });
  return out;
}

function pick(routes: RouteProps[], pathname: string): { element: ReactNode; params: Params } | null {
  for (const r of routes) {
    const nested = routesOf(r.children);
    if (nested.length > 0) {
      // a layout route: it renders when one of its children matches, with that child as its outlet
      const inner = pick(nested, pathname);
      if (inner) return { element: <OutletContext.Provider value={inner.element}>{r.element}</OutletContext.Provider>, params: inner.params };
      continue;
    }
    const params = r.index ? (pathname === '/' ? {} : null) : matchPath(r.path ?? '*', pathname);
    if (params) return { element: r.element, params };
  }
  return null;
}

/** Renders the first route that matches the location (in the order written). */
export function Routes({ children }: { children: ReactNode }) {
  const { pathname } = useLocation();
  const hit = pick(routesOf(children), pathname);
  if (!hit) return null;
  return <ParamsContext.Provider value={hit.params}>{hit.element}</ParamsContext.Provider>;
}

type LinkProps = Omit<AnchorHTMLAttributes<HTMLAnchorElement>, 'href'> & { to: string };

/** A link to a route: a real `#/…` address, so opening it in a new tab, copying it and reading it aloud all work. */
export function Link({ to, onClick, ...rest }: LinkProps) {
  const { navigate, memory } = useNavigator();
  const follow = (e: MouseEvent<HTMLAnchorElement>) => {
    onClick?.(e);
    if (!memory || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    navigate(to);
  };
  // eslint-disable-next-line jsx-a11y/anchor-has-content -- the content comes with the props, from the caller
  return <a href={`#${to}`} onClick={follow} {...rest} />;
}
