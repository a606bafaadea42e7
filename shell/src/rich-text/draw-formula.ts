// The commands that make links or raw HTML: KaTeX runs without `trust`, so it would not render them, and the
// server's sanitizer drops a formula that holds them; the editor drops them too, so that both agree.
const UNSAFE_LATEX = /\\(href|url|includegraphics|html[a-z]*)\b/i;

/** Whether the formula may be stored. */
export function isSafeLatex(latex: string): boolean {
  return !UNSAFE_LATEX.test(latex);
}

let katex: Promise<typeof import('katex')> | undefined;

/**
 * Draws a formula in `target`, for the editor and for readers alike. KaTeX (a quarter of a megabyte) is imported
 * the first time a formula is shown; it writes MathML, which the browser draws (and screen readers read) without
 * KaTeX's stylesheet and fonts. Until then, and if the formula cannot be drawn, the LaTeX itself shows.
 */
export function drawFormula(latex: string, target: HTMLElement, displayMode: boolean): void {
  target.textContent = latex;
  katex ??= import('katex');
  void katex.then(({ default: renderer }) => {
    try {
      renderer.render(latex, target, { output: 'mathml', displayMode, throwOnError: false, trust: false, strict: 'ignore' });
      target.classList.remove('math-error');
    } catch {
      target.textContent = latex;
      target.classList.add('math-error');
    }
  });
}
