/** Splits "Hi I am {name} in {city}" into text and slot parts. Linear scan; unmatched braces stay text. */
export function splitTemplate(template: string): { text: string; slot?: string }[] {
  // Callers key parts by position: the parts never overlap and keep template order.
  const out: { text: string; slot?: string }[] = [];
  let i = 0;
  let buf = '';
  while (i < template.length) {
    const c = template[i]!;
    if (c === '{') {
      const close = template.indexOf('}', i + 1);
      const name = close > 0 ? template.slice(i + 1, close) : '';
      if (close > 0 && /^[a-z][a-z0-9_]*$/i.test(name)) {
        if (buf) out.push({ text: buf });
        buf = '';
        out.push({ text: name, slot: name });
        i = close + 1;
        continue;
      }
    }
    buf += c;
    i++;
  }
  if (buf) out.push({ text: buf });
  return out;
}

/** Adds each part's character offset in the rebuilt template (stable React keys). */
export function withOffsets<T extends { text: string; slot?: string }>(parts: T[]): (T & { at: number })[] {
  let at = 0;
  return parts.map((p) => {
    const r = { ...p, at };
    at += p.slot ? p.text.length + 2 : p.text.length;
    return r;
  });
}
