// Values next to a real one that an equality filter must not match: another case, a prefix, a suffix,
// surrounding whitespace. A filter that matches any of them compares loosely.
export function nearMisses(value: string): [string, string][] {
  const out: [string, string][] = [];
  const add = (how: string, v: string) => {
    if (v !== value && v !== '' && !out.some(([, x]) => x === v)) out.push([how, v]);
  };
  add('other case', value.toLowerCase() === value ? value.toUpperCase() : value.toLowerCase());
  add('prefix', value.slice(0, -1));
  add('suffix', `${value}0`);
  add('whitespace', ` ${value} `);
  return out;
}
