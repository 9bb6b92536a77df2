/**
 * The server's measurements, served as Prometheus' text exposition format (version 0.0.4) at
 * `GET /metrics`: counters, gauges read when scraped, and histograms with cumulative buckets.
 * Small on purpose (no client library): the few kinds the server needs, each line written as
 * the format's grammar asks — `# HELP`, `# TYPE`, then `name{label="value"} number`.
 */

type Labels = Readonly<Record<string, string>>;

/** A label value as the format escapes it: backslash, double quote and line feed. */
const escapeLabel = (v: string): string => v.replace(/\\/g, '\\\\').replace(/"/g, '\\"').replace(/\n/g, '\\n');
const escapeHelp = (v: string): string => v.replace(/\\/g, '\\\\').replace(/\n/g, '\\n');

function labelText(labels: Labels): string {
  const entries = Object.entries(labels);
  return entries.length === 0 ? '' : `{${entries.map(([k, v]) => `${k}="${escapeLabel(v)}"`).join(',')}}`;
}

/** A number as the format writes it (+Inf, -Inf, NaN spelt its way). */
function num(n: number): string {
  if (n === Infinity) return '+Inf';
  if (n === -Infinity) return '-Inf';
  return Number.isNaN(n) ? 'NaN' : String(n);
}

interface Metric {
  readonly name: string;
  render(): string[];
}

export class Counter implements Metric {
  private readonly values = new Map<string, { labels: Labels; value: number }>();

  constructor(
    readonly name: string,
    private readonly help: string,
  ) {}

  inc(labels: Labels = {}, by = 1): void {
    const key = labelText(labels);
    const entry = this.values.get(key);
    if (entry) entry.value += by;
    else this.values.set(key, { labels, value: by });
  }

  /** The count for these labels (0 if never counted). */
  get(labels: Labels = {}): number {
    return this.values.get(labelText(labels))?.value ?? 0;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} counter`];
    // A counter never counted is still shown (0), so a dashboard sees it exists.
    if (this.values.size === 0) lines.push(`${this.name} 0`);
    for (const { labels, value } of this.values.values()) lines.push(`${this.name}${labelText(labels)} ${num(value)}`);
    return lines;
  }
}

/** A value read at each scrape (connections open, documents loaded; or a total kept elsewhere, as a counter). */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    private readonly help: string,
    private readonly read: () => number,
    private readonly type: 'gauge' | 'counter' = 'gauge',
  ) {}

  render(): string[] {
    return [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} ${this.type}`, `${this.name} ${num(this.read())}`];
  }
}

export class Histogram implements Metric {
  private readonly counts: number[];
  private sum = 0;
  private count = 0;

  constructor(
    readonly name: string,
    private readonly help: string,
    /** Upper bounds, ascending; +Inf is added. */
    private readonly buckets: readonly number[],
  ) {
    this.counts = buckets.map(() => 0);
  }

  observe(value: number): void {
    this.sum += value;
    this.count += 1;
    for (let i = 0; i < this.buckets.length; i++) if (value <= this.buckets[i]!) this.counts[i]! += 1;
  }

  render(): string[] {
    const lines = [`# HELP ${this.name} ${escapeHelp(this.help)}`, `# TYPE ${this.name} histogram`];
    this.buckets.forEach((le, i) => lines.push(`${this.name}_bucket{le="${num(le)}"} ${this.counts[i]}`));
    lines.push(`${this.name}_bucket{le="+Inf"} ${this.count}`, `${this.name}_sum ${num(this.sum)}`, `${this.name}_count ${this.count}`);
    return lines;
  }
}

export class Registry {
  private readonly metrics: Metric[] = [];

  add<M extends Metric>(metric: M): M {
    this.metrics.push(metric);
    return metric;
  }

  /** The exposition text, ending with a line feed as the format requires. */
  render(): string {
    return this.metrics.flatMap((m) => m.render()).join('\n') + '\n';
  }
}

export const PROMETHEUS_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';

/** What the newsroom server counts; the gauges read live state given by the server. */
export interface ServerMetrics {
  readonly registry: Registry;
  /** Updates stored (from desks and the server's own changes): its rate is updates per second. */
  readonly updates: Counter;
  /** Time from an update handed to storage to its durable commit. */
  readonly commitSeconds: Histogram;
  /** How many sockets each applied update was sent to. */
  readonly fanout: Histogram;
  /** Refused logins, by reason: `badCredentials` or `tooManyAttempts`. */
  readonly loginFailures: Counter;
  /** HTTP requests answered, by status class (`2xx`…). */
  readonly requests: Counter;
}

export function serverMetrics(live: { connections: () => number; documents: () => number }): ServerMetrics {
  const registry = new Registry();
  registry.add(new Gauge('bantin_connections', 'WebSocket connections open (one per desk)', live.connections));
  registry.add(new Gauge('bantin_documents_loaded', 'Articles held in memory', live.documents));
  const updates = registry.add(new Counter('bantin_updates_total', 'Article updates stored'));
  const commitSeconds = registry.add(new Histogram('bantin_commit_seconds', 'Time to store an update durably (committed), in seconds', [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5]));
  const fanout = registry.add(new Histogram('bantin_delivery_fanout', 'Sockets each applied update was sent to', [1, 2, 5, 10, 20, 50, 100, 200]));
  const loginFailures = registry.add(new Counter('bantin_login_failures_total', 'Logins refused, by reason'));
  for (const reason of ['badCredentials', 'tooManyAttempts']) loginFailures.inc({ reason }, 0); // shown at 0 from the start
  const requests = registry.add(new Counter('bantin_http_requests_total', 'HTTP requests answered, by status class'));
  registry.add(new Gauge('process_resident_memory_bytes', 'Resident memory of the server process, in bytes', () => process.memoryUsage.rss()));
  registry.add(
    new Gauge('process_cpu_seconds_total', 'CPU time of the server process (user and system), in seconds', () => {
      const { user, system } = process.cpuUsage();
      return (user + system) / 1e6;
    }, 'counter'),
  );
  return { registry, updates, commitSeconds, fanout, loginFailures, requests };
}
