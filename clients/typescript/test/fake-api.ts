/**
 * A stand-in for the gateway: answers canned responses by method and path template and records
 * every request, so that a test can check what the client sent (headers, query, body). No network.
 */

export interface Call {
  readonly method: string;
  readonly path: string;
  readonly query: URLSearchParams;
  readonly headers: Headers;
  readonly body: unknown;
}

type Handler = (call: Call) => Response;

interface Route {
  readonly method: string;
  readonly pattern: RegExp;
  readonly handler: Handler;
}

export class FakeApi {
  readonly calls: Call[] = [];
  private readonly routes: Route[] = [];

  /** Answers `method template` (e.g. `PUT /api/org-life/meetings/{id}/record`) with `handler`. */
  on(method: string, template: string, handler: Handler): this {
    const pattern = new RegExp(`^${template.replace(/\{[^}]+\}/g, "[^/]+")}$`);
    this.routes.push({ method, pattern, handler });
    return this;
  }

  /** The last call to `method path`; fails the test when there was none. */
  last(method: string, path: string): Call {
    const found = this.calls.filter((c) => c.method === method && c.path === path).at(-1);
    if (found === undefined) {
      throw new Error(`no ${method} ${path} was sent`);
    }
    return found;
  }

  readonly fetch = async (request: Request): Promise<Response> => {
    const url = new URL(request.url);
    const text = await request.text();
    const body: unknown = text === "" ? undefined : JSON.parse(text);
    const call: Call = {
      method: request.method,
      path: url.pathname,
      query: url.searchParams,
      headers: request.headers,
      body,
    };
    this.calls.push(call);
    const route = this.routes.find(
      (r) => r.method === request.method && r.pattern.test(url.pathname),
    );
    if (route === undefined) {
      return problem(404, "not-found", `no fake for ${request.method} ${url.pathname}`);
    }
    return route.handler(call);
  };
}

/** A JSON answer with the given status and headers. */
export function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "Content-Type": "application/json", ...headers },
  });
}

/** A problem+json answer as the platform writes it. */
export function problem(
  status: number,
  slug: string,
  detail: string,
  extra: Record<string, unknown> = {},
): Response {
  return new Response(
    JSON.stringify({
      type: `https://dangjian.cn/problems/${slug}`,
      title: slug,
      status,
      detail,
      traceId: "4bf92f3577b34da6a3ce929d0e0e4736",
      ...extra,
    }),
    { status, headers: { "Content-Type": "application/problem+json" } },
  );
}
