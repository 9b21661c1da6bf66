// A minimal GraphQL-over-HTTP client for the tests: typed by the codegen documents, talks to a real port.
import type { TypedDocumentString } from '../gql/graphql.js';

export interface GraphQLErrorShape {
  message: string;
  path?: (string | number)[];
  extensions?: { code?: string; issues?: { path: string; message: string }[] } & Record<string, unknown>;
}

export interface Response<T> {
  data?: T | null;
  errors?: GraphQLErrorShape[];
  status: number;
}

export class GraphQLClient {
  constructor(
    readonly url: string,
    readonly token: string | null = null,
    readonly headers: Record<string, string> = {},
  ) {}

  as(token: string | null): GraphQLClient {
    return new GraphQLClient(this.url, token, this.headers);
  }

  async request<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...[variables]: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<Response<TResult>> {
    return this.raw<TResult>(document.toString(), variables as Record<string, unknown> | undefined);
  }

  async raw<T = Record<string, unknown>>(query: string, variables?: Record<string, unknown>): Promise<Response<T>> {
    const res = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        'user-agent': 'gatehouse-tests',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
        ...this.headers,
      },
      body: JSON.stringify({ query, variables }),
    });
    const body = (await res.json()) as Omit<Response<T>, 'status'>;
    return { ...body, status: res.status };
  }

  /** The data of a request that must succeed without errors. */
  async data<TResult, TVariables>(
    document: TypedDocumentString<TResult, TVariables>,
    ...rest: TVariables extends Record<string, never> ? [] : [TVariables]
  ): Promise<TResult> {
    const res = await this.request(document, ...rest);
    if (res.errors?.length || !res.data) throw new Error(`GraphQL errors: ${JSON.stringify(res.errors)}`);
    return res.data;
  }
}

/** The code of the first top-level error, e.g. UNAUTHENTICATED / FORBIDDEN / BAD_USER_INPUT. */
export function errorCode(res: Response<unknown>): string | undefined {
  return res.errors?.[0]?.extensions?.code;
}

/** The database id inside a Relay global id ("Device:<uuid>" in base64), for checking rows with SQL. */
export function databaseId(globalId: string): string {
  return Buffer.from(globalId, 'base64').toString('utf8').split(':')[1] ?? '';
}
