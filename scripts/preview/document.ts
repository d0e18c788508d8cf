/**
 * The HTML document around each of the preview's pages (the map page that build.ts writes and the
 * Reports page that reports/page.ts serves): SLDS and the page's own style sheets and script as
 * files, no inline script or style, so the Content-Security-Policy can forbid them.
 */

export interface PreviewDocument {
  title: string;
  /** Style sheets after SLDS's, in order. */
  styles?: string[];
  /** The page's module script. */
  script: string;
  /** The body's markup, a line each. */
  body: string[];
}

/** The page's markup. */
export function previewDocument({ title, styles = [], script, body }: PreviewDocument): string {
  return [
    '<!doctype html>',
    '<html lang="en">',
    '<head>',
    '<meta charset="utf-8">',
    '<meta name="viewport" content="width=device-width, initial-scale=1">',
    `<title>${title}</title>`,
    '<link rel="icon" href="data:,">',
    '<link rel="stylesheet" href="/assets/styles/salesforce-lightning-design-system.min.css">',
    ...styles.map((href) => `<link rel="stylesheet" href="${href}">`),
    `<script type="module" src="${script}"></script>`,
    '</head>',
    '<body>',
    ...body,
    '</body>',
    '</html>',
    '',
  ].join('\n');
}
