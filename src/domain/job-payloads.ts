/**
 * The jobs the engine leaves for the apply stage (the outbox). Stages meet in the jobs table; the
 * payload types live here so neither stage imports the other.
 */
export interface CreatePartnerJob {
  kind: "partner.create";
  linkId: number;
  /** S5: the customer number to ask for; absent means the external system's next free number */
  number?: string;
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
export type JobKind = OutboundJob["kind"];

export const linkQueueKey = (linkId: number) => `link:${linkId}`;
