/**
 * What a worker listens for, to start on new work at once rather than at its next look
 * (worker/run-worker.ts): events in the inbox for the engine, jobs in the queue for apply.
 */
export const wakeChannels = { inbox: "tandem_inbox", jobs: "tandem_jobs" } as const;

export type WakeChannel = (typeof wakeChannels)[keyof typeof wakeChannels];

/*
 * Waking is part of the statement that adds the work (the inbox's insert in change-events-table.ts,
 * queue/add-job.ts): pg_notify on the channel, delivered when the caller's transaction commits
 * (nothing if it rolls back; several in one transaction are one). A hint only: workers also look
 * for work on their own, so a missed one only waits for that.
 */
