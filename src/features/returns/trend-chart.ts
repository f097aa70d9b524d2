// A metric's trend over the last 8 quarters as a PNG: a Vega-Lite line chart drawn to SVG by Vega,
// rasterised by resvg. Quarters without a figure are gaps, not zeros. Vega, Vega-Lite and resvg
// are loaded the first time a chart is drawn: about 60 MiB a service that never draws one need not hold.
import type { TopLevelSpec } from 'vega-lite';
import { formatQuarter, quarterKey, quartersEndingWith, type Quarter } from '../../domain/returns/quarter.ts';
import { describeUnit, type Unit } from '../../domain/returns/units.ts';
import type { History } from '../../domain/returns/comparisons.ts';

export const TREND_QUARTERS = 8;

export function trendSpec(input: { name: string; unit: Unit; history: History; quarter: Quarter }): TopLevelSpec {
  const values = quartersEndingWith(input.quarter, TREND_QUARTERS).map((q) => ({ quarter: formatQuarter(q), value: input.history.get(quarterKey(q)) ?? null }));
  const ranks = input.unit.kind === 'rank';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    title: { text: input.name, anchor: 'start', font: 'DejaVu Sans' },
    width: 560,
    height: 220,
    background: 'white',
    config: { font: 'DejaVu Sans' },
    data: { values },
    mark: { type: 'line', point: true, strokeWidth: 2 },
    encoding: {
      x: { field: 'quarter', type: 'ordinal', sort: null, title: null, axis: { labelAngle: 0 } },
      y: { field: 'value', type: 'quantitative', title: describeUnit(input.unit), ...(ranks ? { scale: { reverse: true } } : {}) },
    },
  };
}

export async function trendChartPng(input: { name: string; unit: Unit; history: History; quarter: Quarter }): Promise<Buffer> {
  const [vega, { compile }, { Resvg }] = await Promise.all([import('vega'), import('vega-lite'), import('@resvg/resvg-js')]);
  const view = new vega.View(vega.parse(compile(trendSpec(input)).spec), { renderer: 'none' });
  try {
    const svg = await view.toSVG();
    return new Resvg(svg, { fitTo: { mode: 'zoom', value: 2 }, font: { loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
  } finally {
    view.finalize();
  }
}
