/**
 * Every route the app serves, read from Express's own router stack, so a list of routes cannot go stale: the fuzz
 * test (test/integration/fuzz.test.ts) sends hostile requests to each. Routers wrapped by `underPaths` expose
 * the router they enter through `MOUNTED_ROUTER`.
 */
export interface RouteEntry {
  /** Upper-case HTTP method, or `ALL` for `router.all`. */
  method: string;
  /** Express path pattern, mount prefixes included: `/api/cases/:id`, `/formio/:org/form`. */
  path: string;
}

export const MOUNTED_ROUTER: unique symbol = Symbol('mounted router');

// The parts of router 2.x's Layer and Route this reads (not in Express's type definitions).
interface StackLayer {
  route?: { path: unknown; methods: Record<string, boolean> };
  rawPath?: unknown;
  handle?: unknown;
}

interface WithStack {
  stack: StackLayer[];
}

function stackOf(handle: unknown): StackLayer[] | undefined {
  if (typeof handle !== 'function' && (typeof handle !== 'object' || handle === null)) return undefined;
  const inner = (handle as { [MOUNTED_ROUTER]?: unknown })[MOUNTED_ROUTER];
  if (inner !== undefined) return stackOf(inner);
  const stack = (handle as Partial<WithStack>).stack;
  return Array.isArray(stack) ? stack : undefined;
}

function join(prefix: string, path: string): string {
  if (path === '/' || path === '') return prefix || '/';
  return `${prefix.replace(/\/$/, '')}${path.startsWith('/') ? '' : '/'}${path}`;
}

function pathsOf(raw: unknown): string[] {
  if (typeof raw === 'string') return [raw];
  if (Array.isArray(raw)) return raw.flatMap(pathsOf);
  return []; // A regular expression has no pattern to send requests to.
}

/** The routes of an Express app or router, in the order they are matched. */
export function routeTable(appOrRouter: { router?: unknown } | WithStack): RouteEntry[] {
  const root = 'router' in appOrRouter && appOrRouter.router ? stackOf(appOrRouter.router) : stackOf(appOrRouter);
  const routes: RouteEntry[] = [];
  const visit = (stack: StackLayer[], prefix: string, depth: number) => {
    if (depth > 16) return; // Routers nest a few levels; a cycle must not loop.
    for (const layer of stack) {
      if (layer.route) {
        for (const path of pathsOf(layer.route.path)) {
          for (const [method, on] of Object.entries(layer.route.methods)) {
            if (on) routes.push({ method: method === '_all' ? 'ALL' : method.toUpperCase(), path: join(prefix, path) });
          }
        }
        continue;
      }
      const inner = stackOf(layer.handle);
      if (!inner) continue;
      for (const path of pathsOf(layer.rawPath ?? '/')) visit(inner, join(prefix, path), depth + 1);
    }
  };
  if (root) visit(root, '', 0);
  return routes;
}
