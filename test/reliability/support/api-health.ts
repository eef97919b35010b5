/** What the api's public /health says about the log and the read models. */
interface ProjectionHealth {
  checkpoint: number;
  headPosition: number;
  lagEvents: number;
}

/** Terminus puts `status: 'up'` beside the models; only the models' entries are kept. */
async function projections(baseUrl: string): Promise<Record<string, ProjectionHealth>> {
  const body = (await (await fetch(`${baseUrl}/health`)).json()) as {
    details?: { projections?: Record<string, unknown> };
  };
  const entries = Object.entries(body.details?.projections ?? {}).filter(
    ([, v]) => typeof v === 'object' && v !== null && 'lagEvents' in v,
  );
  return Object.fromEntries(entries) as Record<string, ProjectionHealth>;
}

/** The log's head as the api reports it on /health. */
export async function headPosition(baseUrl: string): Promise<number> {
  return Math.max(0, ...Object.values(await projections(baseUrl)).map((p) => p.headPosition ?? 0));
}

/** Waits until every read model has projected the whole log. */
export async function waitForProjections(baseUrl: string, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const all = Object.values(await projections(baseUrl));
    if (all.length > 0 && all.every((p) => p.lagEvents === 0)) return;
    if (Date.now() > deadline)
      throw new Error(`read models still behind after ${timeoutMs} ms: ${JSON.stringify(all)}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}
