/** An event as the source tracker reads it: its clear data and the metadata the edge stored. */
export interface SourcedEvent {
  type: string;
  revision: number;
  data: Record<string, unknown>;
  metadata: Record<string, unknown>;
}

/** Art. 15(1)(g): where one personal field or contact point came from. */
export interface FieldSource {
  /** `locale`, `profile.<name>` or `contactPoints.<contactPointId>`. */
  field: string;
  /** The source system the command or import named; null where none was named (the API key says who). */
  sourceSystem: string | null;
  /** The API key's name, `import` or `cli`: who recorded it. */
  recordedBy: string;
  recordedAt: string;
  event: string;
  revision: number;
}

type Point = { contactPointId: string };

/** The fields an event sets (true) or removes (false). */
function touched(type: string, data: Record<string, any>): Array<[string, boolean]> {
  switch (type) {
    case 'SubjectRegistered':
      return [
        ['locale', true],
        ...(data.contactPoints as Point[]).map((p): [string, boolean] => [`contactPoints.${p.contactPointId}`, true]),
        ...Object.keys(data.profile ?? {}).map((name): [string, boolean] => [`profile.${name}`, true]),
      ];
    case 'ContactPointAdded':
    case 'ContactPointRectified':
      return [[`contactPoints.${data.contactPointId}`, true]];
    case 'ContactPointRemoved':
      return [[`contactPoints.${data.contactPointId}`, false]];
    case 'ProfileRectified':
      return Object.entries(data.changes ?? {}).map(([name, value]) => [`profile.${name}`, value !== null]);
    default:
      return [];
  }
}

/** The event that last set each field still held, with the source its command named. */
export function personalDataSources(events: readonly SourcedEvent[]): FieldSource[] {
  const sources = new Map<string, FieldSource>();
  for (const event of events) {
    for (const [field, set] of touched(event.type, event.data)) {
      if (!set) {
        sources.delete(field);
        continue;
      }
      sources.set(field, sourceOf(field, event));
    }
  }
  return [...sources.values()];
}

function sourceOf(field: string, { type, revision, metadata }: SourcedEvent): FieldSource {
  const sourceSystem = typeof metadata.sourceSystem === 'string' ? metadata.sourceSystem : null;
  return {
    field,
    sourceSystem,
    recordedBy: String(metadata.actor ?? 'unknown'),
    recordedAt: String(metadata.recordedAt ?? ''),
    event: type,
    revision,
  };
}
