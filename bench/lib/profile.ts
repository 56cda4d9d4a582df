/** Reading a V8 CPU profile (`--cpu-prof`, or the inspector's Profiler): self and inclusive time. */

export interface CpuProfile {
  nodes: { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }[];
  samples: number[];
  timeDeltas: number[];
}

/** Where a function's code lives: an npm package, this project's own code, or node itself. */
export function packageOf(url: string): string {
  const match = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (match) return match[1]!;
  if (url.includes('/src/') || url.includes('/dist/')) return 'modelstage src';
  if (url.startsWith('node:') || url === '') return url || '(native/gc/idle)';
  return url.replace(/^file:\/\//, '');
}

/** Microseconds of samples per profile node (its self time). */
export function selfTimes(profile: CpuProfile): Map<number, number> {
  const self = new Map<number, number>();
  profile.samples.forEach((id, i) => self.set(id, (self.get(id) ?? 0) + (profile.timeDeltas[i] ?? 0)));
  return self;
}

/** Self time summed by `key` of each node's code location. */
export function selfTimeBy(profile: CpuProfile, key: (callFrame: CpuProfile['nodes'][number]['callFrame']) => string): Map<string, number> {
  const byId = new Map(profile.nodes.map((node) => [node.id, node]));
  const totals = new Map<string, number>();
  for (const [id, micros] of selfTimes(profile)) {
    const name = key(byId.get(id)!.callFrame);
    totals.set(name, (totals.get(name) ?? 0) + micros);
  }
  return totals;
}
