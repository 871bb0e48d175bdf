/**
 * 党建云 API 客户端：类型由 api/dangjian-platform.json 生成（openapi-typescript），请求由 openapi-fetch 发出。
 * The Dangjian Cloud API client: types generated from api/dangjian-platform.json, calls made with
 * openapi-fetch. Every path, parameter, body and error is checked by the compiler.
 */
import createClient, { type Client, type Middleware } from "openapi-fetch";
import type { components, operations, paths } from "./generated/platform.js";

export type { components, operations, paths };

/** Every named schema of the platform, e.g. `Schemas["MemberResponse"]`. */
export type Schemas = components["schemas"];

/**
 * 错误详情 (RFC 9457, `application/problem+json`)：`type`、`title`、`status`、`detail`，业务规则拒绝时有
 * `rule`，字段错误在 `errors[]`，报障时提供 `traceId`。 The one error body of every operation.
 */
export type Problem = components["schemas"]["Problem"];

export type DangjianClient = Client<paths>;

export interface DangjianClientOptions {
  /** 网关地址 (the gateway), e.g. `http://localhost:8080` */
  baseUrl: string;
  /**
   * 每次请求时取 Keycloak 访问令牌（过期前自行刷新）。 Returns the current Keycloak access token, called
   * on every request (refresh it yourself before it expires); `undefined` sends no Authorization.
   */
  token?: () => string | undefined | Promise<string | undefined>;
  /** `detail` 的语言，默认中文 (language of `detail`; Chinese by default) */
  language?: "zh" | "en";
  /** 自定义 fetch（测试、代理） (a fetch of your own: tests, proxies) */
  fetch?: (input: Request) => Promise<Response>;
}

/** A client for every operation of the platform, authenticated with a Keycloak bearer token. */
export function createDangjianClient(options: DangjianClientOptions): DangjianClient {
  const client = createClient<paths>({
    baseUrl: options.baseUrl,
    ...(options.fetch === undefined ? {} : { fetch: options.fetch }),
  });
  client.use(authentication(options));
  return client;
}

function authentication(options: DangjianClientOptions): Middleware {
  return {
    async onRequest({ request }) {
      const token = options.token === undefined ? undefined : await options.token();
      if (token !== undefined) {
        request.headers.set("Authorization", `Bearer ${token}`);
      }
      if (options.language !== undefined) {
        request.headers.set("Accept-Language", options.language);
      }
      return request;
    },
  };
}

/**
 * 读取响应的 ETag，下一次修改时作为 If-Match 发送。 The `ETag` of an answer, to send as `If-Match` with
 * the next write of the same object (428 without it, 412 when someone changed it meanwhile).
 */
export function etagOf(response: Response): string {
  const etag = response.headers.get("ETag");
  if (etag === null) {
    throw new Error(`no ETag in the answer to ${response.url}`);
  }
  return etag;
}

/**
 * 新的幂等键：同一请求重试时必须复用同一个键。 A new Idempotency-Key: reuse the same key when you retry
 * the same request (a payment is then made once; the server answers the stored result again).
 */
export function newIdempotencyKey(): string {
  return crypto.randomUUID();
}

/** 是否为错误详情 (whether a value is a problem body, e.g. from a `fetch` you made yourself) */
export function isProblem(value: unknown): value is Problem {
  return (
    typeof value === "object" &&
    value !== null &&
    "type" in value &&
    "status" in value &&
    typeof value.type === "string" &&
    typeof value.status === "number"
  );
}
