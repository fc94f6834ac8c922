// One formatter: toLocaleString builds a new one on every call (the license count runs per keystroke).
const NUMBER = new Intl.NumberFormat();

/** "1 key", "0 keys", "2 keys". */
export function count(n: number, one: string, many = `${one}s`): string {
  return `${NUMBER.format(n)} ${n === 1 ? one : many}`;
}
