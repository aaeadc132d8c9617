/**
 * Times `task` once to warm up, then `runs` times: the median, fastest and slowest, in ms to one decimal. `fresh`
 * runs untimed before each, so that no run finds what an earlier one kept.
 */
export function timeRuns(
  runs: number,
  task: () => void,
  fresh: () => void = () => {},
): { ms_median: number; ms_min: number; ms_max: number } {
  const once = () => {
    fresh();
    const started = performance.now();
    task();
    return performance.now() - started;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return {
    ms_median: round(times[Math.floor(runs / 2)] as number),
    ms_min: round(times[0] as number),
    ms_max: round(times[runs - 1] as number),
  };
}

export function round(n: number, digits = 1): number {
  const scale = 10 ** digits;
  return Math.round(n * scale) / scale;
}
