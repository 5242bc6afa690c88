/**
 * What the page can check of its own colours (the editor's tests ask, under each colour theme):
 * text whose colour is too close to what is behind it, marks that do not stand out from the page,
 * and the focus outline's contrast. WCAG's contrast ratio of the computed colours.
 */
import type { ContrastReport } from '../../features/corpusMessages';

type Rgb = [number, number, number];

/** A computed colour (`rgb(...)`, `rgba(...)`) over `under`; undefined for none or transparent. */
export function parseColour(value: string, under?: Rgb): Rgb | undefined {
  const m = /^rgba?\(\s*([\d.]+)[,\s]+([\d.]+)[,\s]+([\d.]+)(?:\s*[,/]\s*([\d.]+%?))?\s*\)$/.exec(value.trim());
  if (!m) return undefined;
  const rgb: Rgb = [Number(m[1]), Number(m[2]), Number(m[3])];
  const alpha = m[4] === undefined ? 1 : m[4].endsWith('%') ? Number(m[4].slice(0, -1)) / 100 : Number(m[4]);
  if (alpha === 0) return undefined;
  if (alpha < 1 && under) return rgb.map((c, i) => c * alpha + under[i] * (1 - alpha)) as Rgb;
  return rgb;
}

/** A colour drawn with an opacity over `under`. */
function faded(c: Rgb | undefined, opacity: number, under: Rgb): Rgb | undefined {
  if (!c || opacity >= 1) return c;
  return c.map((v, i) => v * opacity + under[i] * (1 - opacity)) as Rgb;
}

function luminance([r, g, b]: Rgb): number {
  const lin = (c: number) => {
    const s = c / 255;
    return s <= 0.03928 ? s / 12.92 : ((s + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * lin(r) + 0.7152 * lin(g) + 0.0722 * lin(b);
}

/** WCAG 2 contrast ratio, 1 to 21. */
export function contrastRatio(a: Rgb, b: Rgb): number {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour behind an HTML element: the first ancestor's background that is not transparent. */
function backgroundOf(el: Element | null, page: Rgb): Rgb {
  for (let e = el; e; e = e.parentElement) {
    const c = parseColour(getComputedStyle(e).backgroundColor, page);
    if (c) return c;
  }
  return page;
}

function describe(el: Element): string {
  const cls = el.getAttribute('class');
  return `${el.tagName.toLowerCase()}${cls ? '.' + cls.split(/\s+/)[0] : ''} "${(el.textContent ?? '').trim().slice(0, 20)}"`;
}

/** Text below this contrast (WCAG's for large text and graphics) is reported. */
const MIN_TEXT = 3;
/** A mark whose fill and outline are both below this against the page does not stand out. */
const MIN_MARK = 1.5;

export function checkContrast(root: HTMLElement): ContrastReport {
  const page = parseColour(getComputedStyle(document.body).backgroundColor) ?? [255, 255, 255];
  const lowContrast: string[] = [];
  let texts = 0;
  // HTML text: its colour on the background behind it
  for (const el of root.querySelectorAll<HTMLElement>('*')) {
    if (el instanceof SVGElement) continue;
    if (![...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && n.textContent!.trim() !== '')) continue;
    const bg = backgroundOf(el, page);
    const fg = parseColour(getComputedStyle(el).color, bg);
    texts++;
    if (fg && contrastRatio(fg, bg) < MIN_TEXT) lowContrast.push(`${describe(el)}: ${contrastRatio(fg, bg).toFixed(2)}`);
  }
  // SVG text: its fill on its halo, else on the mark under it, else on the page
  for (const svg of root.querySelectorAll('svg')) {
    const marks = [...svg.querySelectorAll('[data-key]')].map((m) => ({ box: m.getBoundingClientRect(), fill: parseColour(getComputedStyle(m).fill, page) }));
    for (const text of svg.querySelectorAll('text')) {
      if ((text.textContent ?? '').trim() === '') continue;
      const style = getComputedStyle(text);
      const box = text.getBoundingClientRect();
      const [x, y] = [box.left + box.width / 2, box.top + box.height / 2];
      const under = marks.find((m) => m.fill && x >= m.box.left && x <= m.box.right && y >= m.box.top && y <= m.box.bottom)?.fill ?? page;
      const halo = style.paintOrder.startsWith('stroke') && parseFloat(style.strokeWidth) >= 2 ? parseColour(style.stroke, under) : undefined;
      const bg = halo ?? under;
      const fg = parseColour(style.fill, bg);
      texts++;
      if (fg && contrastRatio(fg, bg) < MIN_TEXT) lowContrast.push(`${describe(text)}: ${contrastRatio(fg, bg).toFixed(2)}`);
    }
  }
  // marks: their fill or their outline stands out from the page
  let hiddenMarks = 0;
  const marks = root.querySelectorAll('svg [data-key]');
  for (const mark of marks) {
    const style = getComputedStyle(mark);
    const fill = faded(parseColour(style.fill, page), Number(style.fillOpacity || 1), page);
    const stroke = style.stroke !== 'none' && parseFloat(style.strokeWidth) > 0 ? faded(parseColour(style.stroke, page), Number(style.strokeOpacity || 1), page) : undefined;
    const visible = (c: Rgb | undefined) => c !== undefined && contrastRatio(c, page) >= MIN_MARK;
    if (!visible(fill) && !visible(stroke)) hiddenMarks++;
  }
  // the focus outline's colour (button:focus-visible, [tabindex]:focus-visible)
  const probe = document.createElement('span');
  probe.style.color = 'var(--vscode-focusBorder, Highlight)';
  document.body.append(probe);
  const focus = parseColour(getComputedStyle(probe).color, page);
  probe.remove();
  const kind = ['vscode-high-contrast-light', 'vscode-high-contrast', 'vscode-dark', 'vscode-light'].find((c) => document.body.classList.contains(c)) ?? '';
  return { kind, texts, lowContrast, marks: marks.length, hiddenMarks, focusContrast: focus ? Math.round(contrastRatio(focus, page) * 100) / 100 : 0 };
}
