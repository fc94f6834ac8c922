import { differenceInCalendarDays } from 'date-fns';
import { localDate } from '../../../../shared/status/index';

/** Round, human tick values (1, 2, 2.5 or 5 × 10ⁿ) from 0 up to at least `max`. */
export function niceTicks(max: number, count = 5): number[] {
  if (!(max > 0)) return [0, 1];
  const rough = max / count;
  const power = 10 ** Math.floor(Math.log10(rough));
  const step = ([1, 2, 2.5, 5, 10].find((m) => m * power >= rough) ?? 10) * power;
  const ticks: number[] = [];
  for (let v = 0; v < max + step / 2; v += step) ticks.push(Number(v.toPrecision(12)));
  if (ticks[ticks.length - 1]! < max) ticks.push(Number((ticks.length * step).toPrecision(12)));
  return ticks;
}

/** Day number of a YYYY-MM-DD date, counted in local calendar days so DST never bends the x axis. */
export function dayNumber(iso: string): number {
  return differenceInCalendarDays(localDate(iso), new Date(2000, 0, 1));
}

export function linearScale(domain: [number, number], range: [number, number]): (v: number) => number {
  const [d0, d1] = domain;
  const [r0, r1] = range;
  const span = d1 - d0 || 1;
  return (v) => r0 + ((v - d0) / span) * (r1 - r0);
}

/** Up to `count` evenly spaced day numbers across [start, end], always including both ends. */
export function dateTicks(start: number, end: number, count = 5): number[] {
  if (end <= start) return [start];
  const n = Math.min(count, end - start);
  return Array.from({ length: n + 1 }, (_, i) => Math.round(start + ((end - start) * i) / n));
}

const compact = new Intl.NumberFormat(undefined, { notation: 'compact', maximumFractionDigits: 1 });
export function compactNumber(v: number): string {
  return compact.format(v);
}
