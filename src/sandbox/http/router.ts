/** A small router: a path pattern like `/restapi/v1.0/account/:accountId/extension/:extensionId` per route. */
export interface Route<T> {
  method: string;
  pattern: string;
  value: T;
}

export interface RouteMatch<T> {
  value: T;
  params: Record<string, string>;
}

interface CompiledRoute<T> {
  method: string;
  segments: string[];
  value: T;
}

export class Router<T> {
  private readonly routes: CompiledRoute<T>[] = [];

  add(method: string, pattern: string, value: T): void {
    this.routes.push({ method, segments: pattern.split("/").filter(Boolean), value });
  }

  /** First route added wins, so literal routes (`user-role/default`) go before parameter routes (`user-role/:roleId`). */
  match(method: string, path: string): RouteMatch<T> | undefined {
    const parts = path.split("/").filter(Boolean);
    for (const route of this.routes) {
      if (route.method !== method || route.segments.length !== parts.length) continue;
      const params = matchSegments(route.segments, parts);
      if (params) return { value: route.value, params };
    }
    return undefined;
  }

  /** Whether any method serves this path (405 vs 404). */
  knowsPath(path: string): boolean {
    const parts = path.split("/").filter(Boolean);
    return this.routes.some((r) => r.segments.length === parts.length && matchSegments(r.segments, parts) !== undefined);
  }
}

function matchSegments(segments: readonly string[], parts: readonly string[]): Record<string, string> | undefined {
  const params: Record<string, string> = {};
  for (let i = 0; i < segments.length; i++) {
    const segment = segments[i] as string;
    const part = parts[i] as string;
    if (segment.startsWith(":")) params[segment.slice(1)] = safeDecode(part);
    else if (segment !== part) return undefined;
  }
  return params;
}

function safeDecode(part: string): string {
  try {
    return decodeURIComponent(part);
  } catch {
    return part;
  }
}
