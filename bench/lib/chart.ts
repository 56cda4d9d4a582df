import { mkdir, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fmt } from './report.js';
import { RESULTS_DIR } from './results-dir.js';

/** One bar per series (the baseline, then Modelstage) for one measured thing. */
export interface ChartGroup {
  label: string;
  values: Record<string, number>;
}

/** A block of horizontal bars sharing one unit and one scale. */
export interface ChartPanel {
  title: string;
  unit: string;
  groups: ChartGroup[];
}

// The baseline in grey, Modelstage in blue: the same colour for a series in every chart.
const COLOURS = ['#9aa0a6', '#1a73e8', '#e37400', '#188038'];
const WIDTH = 720;
const LABEL_WIDTH = 250;
const VALUE_WIDTH = 90;
const BAR_HEIGHT = 14;
const BAR_GAP = 3;
const GROUP_GAP = 10;
const PANEL_TITLE = 28;

const escape = (text: string) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/**
 * A small self-contained SVG (no script, no external font) of horizontal bar panels: readable in
 * a browser, on GitHub and in docs/benchmarks.md. Bars whose value is not a finite number are
 * left out (a series not measured in that run), with "-" as their value.
 */
export function barChartSvg(title: string, subtitle: string, panels: ChartPanel[]): string {
  const series = [...new Set(panels.flatMap((panel) => panel.groups.flatMap((group) => Object.keys(group.values))))];
  const parts: string[] = [];
  let y = 56;
  // The legend, under the title.
  series.forEach((name, i) => {
    const x = 16 + i * 170;
    parts.push(`<rect x="${x}" y="${y - 10}" width="12" height="12" fill="${COLOURS[i % COLOURS.length]}"/>`);
    parts.push(`<text x="${x + 18}" y="${y}" class="small">${escape(name)}</text>`);
  });
  y += 14;
  const barsWidth = WIDTH - LABEL_WIDTH - VALUE_WIDTH - 16;
  for (const panel of panels) {
    y += PANEL_TITLE;
    parts.push(`<text x="16" y="${y - 8}" class="panel">${escape(panel.title)} (${escape(panel.unit)})</text>`);
    const finite = panel.groups.flatMap((group) => Object.values(group.values)).filter((v) => Number.isFinite(v) && v > 0);
    const scale = finite.length ? barsWidth / Math.max(...finite) : 0;
    for (const group of panel.groups) {
      const names = series.filter((name) => name in group.values);
      const groupHeight = names.length * (BAR_HEIGHT + BAR_GAP) - BAR_GAP;
      parts.push(`<text x="${LABEL_WIDTH - 8}" y="${y + groupHeight / 2 + 4}" text-anchor="end" class="small">${escape(group.label)}</text>`);
      for (const name of names) {
        const value = group.values[name]!;
        const width = Number.isFinite(value) && value > 0 ? Math.max(1, value * scale) : 0;
        const colour = COLOURS[series.indexOf(name) % COLOURS.length];
        parts.push(`<rect x="${LABEL_WIDTH}" y="${y}" width="${width.toFixed(1)}" height="${BAR_HEIGHT}" fill="${colour}"><title>${escape(`${name}: ${fmt(value)} ${panel.unit}`)}</title></rect>`);
        parts.push(`<text x="${(LABEL_WIDTH + width + 4).toFixed(1)}" y="${y + BAR_HEIGHT - 3}" class="small">${escape(fmt(value))}</text>`);
        y += BAR_HEIGHT + BAR_GAP;
      }
      y += GROUP_GAP - BAR_GAP;
    }
  }
  const height = y + 12;
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${height}" viewBox="0 0 ${WIDTH} ${height}" role="img" aria-label="${escape(title)}">`,
    '<style>text{font-family:sans-serif;fill:#202124}.title{font-size:15px;font-weight:bold}.panel{font-size:13px;font-weight:bold}.small{font-size:11px}.sub{font-size:11px;fill:#5f6368}</style>',
    `<rect width="${WIDTH}" height="${height}" fill="#fff"/>`,
    `<text x="16" y="22" class="title">${escape(title)}</text>`,
    `<text x="16" y="38" class="sub">${escape(subtitle)}</text>`,
    ...parts,
    '</svg>',
    '',
  ].join('\n');
}

/** Writes bench/results/<name>.svg (copy it to docs/bench-<name>.svg to publish a run). */
export async function writeChart(name: string, title: string, subtitle: string, panels: ChartPanel[]): Promise<string> {
  await mkdir(RESULTS_DIR, { recursive: true });
  const file = path.join(RESULTS_DIR, `${name}.svg`);
  await writeFile(file, barChartSvg(title, subtitle, panels));
  console.log(`chart written to ${path.relative(process.cwd(), file)}`);
  return file;
}
