import { z } from "zod";
import { parsePayload } from "./payload-check.ts";

/**
 * The jobs the engine leaves for the apply stage (the outbox). Stages meet in the jobs table; the
 * payload types live here so neither stage imports the other.
 */
export interface CreatePartnerJob {
  kind: "partner.create";
  linkId: number;
  /** S5: the customer number to ask for; absent means the external system's next free number */
  number?: string | undefined;
  /** "user:<id>" or "system": who asked for the partner (SPEC F9 attribution) */
  actor: string;
}

export interface PushChangesJob {
  kind: "external.update";
  linkId: number;
  /** scalar field paths and their new hub values (null: remove) */
  set: Record<string, string | null>;
  /** contact paths to add at the external system */
  add: Record<string, string>;
  actor: string;
}

/** F7: write a message sent from the hub to the partner's activity. */
export interface AddActivityJob {
  kind: "activity.add";
  linkId: number;
  messageId: number;
  actor: string;
}

export type OutboundJob = CreatePartnerJob | PushChangesJob | AddActivityJob;

const linkId = z.number().int().positive();
// objects are loose like the inbox's (a newer writer may add a key), values are checked
const outboundJobSchema: z.ZodType<OutboundJob> = z.discriminatedUnion("kind", [
  z.looseObject({
    kind: z.literal("partner.create"),
    linkId,
    number: z.string().optional(),
    actor: z.string(),
  }),
  z.looseObject({
    kind: z.literal("external.update"),
    linkId,
    set: z.record(z.string(), z.string().nullable()),
    add: z.record(z.string(), z.string()),
    actor: z.string(),
  }),
  z.looseObject({
    kind: z.literal("activity.add"),
    linkId,
    messageId: z.number().int().positive(),
    actor: z.string(),
  }),
]);

/** R8.3: a claimed job's payload, checked instead of cast; throws InvalidPayloadError. */
export const parseOutboundJob = (payload: unknown): OutboundJob =>
  parsePayload(outboundJobSchema, payload, "job");

/** The payload if it is an outbound job's, else undefined (for reads that must not throw). */
export function outboundJobOf(payload: unknown): OutboundJob | undefined {
  return outboundJobSchema.safeParse(payload).data;
}
export type JobKind = OutboundJob["kind"];

export const linkQueueKey = (linkId: number) => `link:${linkId}`;
