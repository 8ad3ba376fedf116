import type { Actor, ServiceContext } from "../services/service-context.ts";

/** What the API's middleware puts on every request's context. */
export interface HubEnv {
  Variables: {
    /** who the request comes from; `sessionId` when it came with a sign-in's session */
    actor: Actor & { sessionId?: number };
    ctx: ServiceContext;
    /** I3: the largest customer file an upload may carry (config: --max-file-bytes) */
    maxFileBytes: number;
  };
}
