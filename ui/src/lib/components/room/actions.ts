// Sizes from data, set as CSS custom properties through the CSSOM: the CSP allows no inline
// style attributes, and the stylesheet does the rest (`width: var(--share)`).
export function cssVars(node: HTMLElement, vars: Record<string, string>) {
  const set = (v: Record<string, string>) => {
    for (const [k, value] of Object.entries(v)) node.style.setProperty(`--${k}`, value);
  };
  set(vars);
  return { update: set };
}

/** A share of a whole as a CSS percentage, clamped to 0–100%. */
export function percent(part: number, whole: number): string {
  if (whole <= 0) return '0%';
  return `${Math.max(0, Math.min(100, (part / whole) * 100))}%`;
}
