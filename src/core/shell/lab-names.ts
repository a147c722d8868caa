/**
 * Names of lab objects that Tab completes: files, topics, and (once their registries exist)
 * certificates, policies and things. Each kind has providers; a command that learns a name
 * (a topic it published to) records it.
 */

export const NAME_KINDS = [
  'command',
  'file',
  'topic',
  'filter',
  'qos',
  'certificate',
  /** Certificate ARNs, for `--target` and `--principal`. */
  'principal',
  'policy',
  'thing',
] as const;
export type NameKind = (typeof NAME_KINDS)[number];

type Provider = () => readonly string[];

/** Topics offered before the learner has used any, matching the lessons' examples. */
const STARTER_TOPICS = ['lab/x', 'lab/greenhouse/temperature'];
const MAX_RECORDED = 50;

export class LabNames {
  private readonly providers = new Map<NameKind, Set<Provider>>();
  private readonly topics: string[] = [...STARTER_TOPICS];

  constructor() {
    this.provide('qos', () => ['0', '1', '2']);
    this.provide('topic', () => this.topics);
    this.provide('filter', () => filtersFor(this.topics));
  }

  /** Adds a source of names of one kind; the returned function removes it. */
  provide(kind: NameKind, provider: Provider): () => void {
    const set = this.providers.get(kind) ?? new Set();
    set.add(provider);
    this.providers.set(kind, set);
    return () => set.delete(provider);
  }

  /** Every known name of a kind, sorted, without repeats. */
  list(kind: NameKind): string[] {
    const names = new Set<string>();
    for (const provider of this.providers.get(kind) ?? []) {
      for (const name of provider()) names.add(name);
    }
    return [...names].sort();
  }

  /** Remembers a topic name the learner used or received, most recent kept. */
  recordTopic(topic: string): void {
    if (topic === '' || this.topics.includes(topic)) return;
    this.topics.push(topic);
    if (this.topics.length > MAX_RECORDED) this.topics.shift();
  }
}

/** `#`, each topic, and `<first level>/#` for each first level: the filters people reach for. */
function filtersFor(topics: readonly string[]): string[] {
  const firstLevels = topics.map((t) => t.split('/')[0] ?? '').filter((l) => l !== '');
  return ['#', ...firstLevels.map((l) => `${l}/#`), ...topics];
}
