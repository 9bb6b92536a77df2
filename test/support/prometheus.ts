/**
 * A strict reader of Prometheus' text exposition format (0.0.4), for tests: every line must be
 * a `# HELP`, a `# TYPE` or a sample of a family declared before it, label values escaped as
 * the format says, histogram buckets cumulative with `+Inf` equal to `_count`. Throws on the
 * first line that breaks the grammar; returns the samples by `name{labels}` as written.
 */
const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const LABEL = `[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*"`;
const VALUE = '(?:[+-]?(?:\\d+(?:\\.\\d*)?|\\.\\d+)(?:[eE][+-]?\\d+)?|[+-]Inf|NaN)';
const SAMPLE = new RegExp(`^(${NAME})(\\{(?:${LABEL}(?:,${LABEL})*)?\\})? (${VALUE})(?: -?\\d+)?$`);
const HELP = new RegExp(`^# HELP (${NAME}) .*$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);

export function parsePrometheus(text: string): Map<string, number> {
  if (!text.endsWith('\n')) throw new Error('the exposition does not end with a line feed');
  const types = new Map<string, string>();
  const samples = new Map<string, number>();
  const lines = text.slice(0, -1).split('\n');
  lines.forEach((line, i) => {
    const where = `line ${i + 1}: ${JSON.stringify(line)}`;
    if (line.startsWith('# HELP ')) {
      if (!HELP.test(line)) throw new Error(`bad HELP at ${where}`);
      return;
    }
    if (line.startsWith('# TYPE ')) {
      const m = TYPE.exec(line);
      if (!m) throw new Error(`bad TYPE at ${where}`);
      if (types.has(m[1]!)) throw new Error(`TYPE given twice at ${where}`);
      types.set(m[1]!, m[2]!);
      return;
    }
    const m = SAMPLE.exec(line);
    if (!m) throw new Error(`not a sample at ${where}`);
    const name = m[1]!;
    const family = types.has(name) ? name : name.replace(/_(bucket|sum|count)$/, '');
    const type = types.get(family);
    if (!type) throw new Error(`sample of an undeclared family at ${where}`);
    if (family !== name && type !== 'histogram' && type !== 'summary') throw new Error(`${name} is not part of a histogram at ${where}`);
    const key = `${name}${m[2] ?? ''}`;
    if (samples.has(key)) throw new Error(`sample given twice at ${where}`);
    samples.set(key, Number(m[3]!.replace('+Inf', 'Infinity').replace('-Inf', '-Infinity')));
  });
  for (const [family, type] of types) {
    if (type !== 'histogram') continue;
    const buckets = [...samples].filter(([k]) => k.startsWith(`${family}_bucket{`)).map(([, v]) => v);
    for (let i = 1; i < buckets.length; i++) if (buckets[i]! < buckets[i - 1]!) throw new Error(`${family}: buckets not cumulative`);
    if (samples.get(`${family}_bucket{le="+Inf"}`) !== samples.get(`${family}_count`)) throw new Error(`${family}: +Inf bucket is not _count`);
  }
  return samples;
}
