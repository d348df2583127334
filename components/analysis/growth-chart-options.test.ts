import type uPlot from 'uplot';
import { describe, expect, it } from 'vitest';
import { chartData, countLabel, growthChartOptions } from './growth-chart-options';

const FakeUPlot = { paths: {}, tzDate: (date: Date) => date } as unknown as typeof uPlot;
const colors = { line: '#2563eb', axis: '#666', grid: '#eee' };
const optionsFor = (pointCount: number) =>
  growthChartOptions(FakeUPlot, { width: 320, height: 190 }, { colors, locale: 'en-US', pointCount, onHover: () => undefined });
type Axis = { splits?: (u: uPlot) => number[]; values: (u: uPlot, splits: number[]) => string[]; incrs?: number[] };

describe('growth chart options', () => {
  it('labels one day of history with that one date, not the days around it', () => {
    const data = chartData([{ day: '2026-12-01', count: 4, added: 4, removed: 0 }]);
    const x = optionsFor(1).axes![0] as Axis;
    const ticks = x.splits!({ data } as unknown as uPlot);
    expect(ticks).toEqual([Date.UTC(2026, 11, 1) / 1000]);
    expect(x.values({} as uPlot, ticks)).toEqual(['Dec 1']);
    expect((optionsFor(2).axes![0] as Axis).splits).toBeUndefined();
  });

  it('ticks whole members and never shows a negative zero', () => {
    const y = optionsFor(1).axes![1] as Axis;
    expect(y.incrs?.every((step) => Number.isInteger(step) && step >= 1)).toBe(true);
    expect(y.values({} as uPlot, [-0, 1, 2])).toEqual(['0', '1', '2']);
    expect(countLabel(new Intl.NumberFormat('en-US'), -0)).toBe('0');
  });
});
