/**
 * Placeholders in role conditions, filled per request. Values are ids and codes produced by the server, never user
 * text, and are checked again on substitution so that nothing can smuggle a query operator into a condition.
 */
export const PLACEHOLDERS = {
  'user.id': 'the signed-in user',
  'org.id': 'the active organisation',
  'org.descendantIds': 'the active organisation and every organisation below it',
  'org.ancestorIds': 'the organisations above the active organisation',
  'org.country': 'the country of the active organisation',
} as const;
export type PlaceholderName = keyof typeof PLACEHOLDERS;
export type PlaceholderValues = Record<PlaceholderName, string | string[]>;

const PLACEHOLDER = /\$\{([a-zA-Z.]+)\}/g;
const SAFE_VALUE = /^[A-Za-z0-9_-]{1,64}$/;

export class PlaceholderError extends Error {
  constructor(
    readonly path: string,
    readonly reason: 'unknown-placeholder' | 'unsafe-value',
  ) {
    super(`${reason} at ${path}`);
  }
}

export function placeholdersIn(value: string): string[] {
  return [...value.matchAll(PLACEHOLDER)].map((match) => match[1]!);
}

export function isKnownPlaceholder(name: string): name is PlaceholderName {
  return Object.hasOwn(PLACEHOLDERS, name);
}

function safe(value: string, path: string): string {
  if (!SAFE_VALUE.test(value)) throw new PlaceholderError(path, 'unsafe-value');
  return value;
}

/**
 * Replaces placeholders in a rule's conditions. A string that is exactly one placeholder becomes its value
 * (possibly an array, e.g. for `$in`); a placeholder inside a longer string is replaced textually.
 */
export function fillPlaceholders(node: unknown, values: PlaceholderValues, path = 'conditions'): unknown {
  if (typeof node === 'string') {
    const whole = /^\$\{([a-zA-Z.]+)\}$/.exec(node);
    if (whole) {
      const name = whole[1]!;
      if (!isKnownPlaceholder(name)) throw new PlaceholderError(path, 'unknown-placeholder');
      const value = values[name];
      return Array.isArray(value) ? value.map((item) => safe(item, path)) : safe(value, path);
    }
    return node.replace(PLACEHOLDER, (_match, name: string) => {
      if (!isKnownPlaceholder(name)) throw new PlaceholderError(path, 'unknown-placeholder');
      const value = values[name];
      if (Array.isArray(value)) throw new PlaceholderError(path, 'unsafe-value');
      return safe(value, path);
    });
  }
  if (Array.isArray(node)) return node.map((item, index) => fillPlaceholders(item, values, `${path}[${index}]`));
  if (node && typeof node === 'object') {
    return Object.fromEntries(
      Object.entries(node).map(([key, value]) => [key, fillPlaceholders(value, values, `${path}.${key}`)]),
    );
  }
  return node;
}
