// oidc-provider ships no types (and @types/oidc-provider lags its major versions): the little the harness uses.
declare module "oidc-provider" {
  /* eslint-disable @typescript-eslint/no-explicit-any */
  export type Configuration = Record<string, any>;
  type Model = { find(id: string): Promise<any>; new (init: Record<string, unknown>): any };
  export default class Provider {
    constructor(issuer: string, config: Configuration);
    callback(): (req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse) => void;
    interactionDetails(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse): Promise<any>;
    interactionFinished(req: import("node:http").IncomingMessage, res: import("node:http").ServerResponse, result: object, opts?: object): Promise<void>;
    Grant: Model;
    AccessToken: Model;
    RefreshToken: Model;
  }
}
