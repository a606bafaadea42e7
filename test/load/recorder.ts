/** What one generator measured, per request kind: sent to the harness as plain data over IPC. */
export interface KindFigures {
  latenciesMs: number[];
  /** Answers by HTTP status; 0 for a request that got no answer (refused, reset, timed out). */
  statuses: Record<string, number>;
}

export type Recorded = Record<string, KindFigures>;

/** Collects every request's time and status by kind (a route pattern, or a phase such as the home page). */
export class Recorder {
  readonly kinds: Recorded = {};

  record(kind: string, ms: number, status: number): void {
    const figures = (this.kinds[kind] ??= { latenciesMs: [], statuses: {} });
    figures.latenciesMs.push(ms);
    figures.statuses[status] = (figures.statuses[status] ?? 0) + 1;
  }
}

/** Merges the generators' figures into one. */
export function mergeRecorded(parts: readonly Recorded[]): Recorded {
  const merged: Recorded = {};
  for (const part of parts) {
    for (const [kind, figures] of Object.entries(part)) {
      const into = (merged[kind] ??= { latenciesMs: [], statuses: {} });
      into.latenciesMs.push(...figures.latenciesMs);
      for (const [status, count] of Object.entries(figures.statuses)) into.statuses[status] = (into.statuses[status] ?? 0) + count;
    }
  }
  return merged;
}
