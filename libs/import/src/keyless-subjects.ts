import type { SubjectCodec } from '#application';

interface Asked {
  subjectId: string;
  resolve: (keyless: boolean) => void;
  reject: (error: unknown) => void;
}

/**
 * Which subjects have no data key yet, asked of the key vault in one read for every subject that
 * asks in the same turn of the event loop (an import's wave), which also caches the keys found.
 * Every subject append creates the subject's key first, so a subject without one has no events
 * and its stream need not be read.
 */
export class KeylessSubjects {
  private asked: Asked[] = [];

  constructor(private readonly codec: Pick<SubjectCodec, 'keylessSubjects'>) {}

  has(subjectId: string): Promise<boolean> {
    return new Promise((resolve, reject) => {
      if (this.asked.length === 0) setImmediate(() => void this.answer());
      this.asked.push({ subjectId, resolve, reject });
    });
  }

  private async answer(): Promise<void> {
    const asked = this.asked;
    this.asked = [];
    try {
      const keyless = await this.codec.keylessSubjects(asked.map((a) => a.subjectId));
      for (const a of asked) a.resolve(keyless.has(a.subjectId));
    } catch (error) {
      for (const a of asked) a.reject(error);
    }
  }
}
