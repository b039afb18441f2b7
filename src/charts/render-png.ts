/** Renders SVG to PNG with resvg, using the DejaVu fonts an npm package ships. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { renderAsync } from '@resvg/resvg-js';

const require = createRequire(import.meta.url);

/** The font files, from the package rather than the system, so every host draws the same. */
const FONT_DIRECTORY = join(dirname(require.resolve('dejavu-fonts-ttf/package.json')), 'ttf');
const FONT_FILES = ['DejaVuSans.ttf', 'DejaVuSans-Bold.ttf'].map((file) =>
  join(FONT_DIRECTORY, file),
);

/** The SVG as PNG bytes, rendered off the event loop. */
export async function renderPng(svg: string): Promise<Buffer> {
  const rendered = await renderAsync(svg, {
    font: { loadSystemFonts: false, fontFiles: FONT_FILES, defaultFontFamily: 'DejaVu Sans' },
  });
  return rendered.asPng();
}
