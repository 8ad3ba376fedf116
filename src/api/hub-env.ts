import type { Actor, ServiceContext } from "../services/service-context.ts";

/** What the API's middleware puts on every request's context. */
export interface HubEnv {
  Variables: {
    actor: Actor;
    ctx: ServiceContext;
    /** I3: the largest customer file an upload may carry (config: --max-file-bytes) */
    maxFileBytes: number;
  };
}
