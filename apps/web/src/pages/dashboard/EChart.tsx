/**
 * A small ECharts host. echarts (and the province map) are loaded lazily, in their own chunks, the
 * first time a chart is shown. Animations are off under automated browsers (stable screenshots).
 */
import { useEffect, useRef, useState } from 'react';
import { Skeleton } from 'antd';
import type * as EchartsModule from 'echarts';

type ECharts = typeof EchartsModule;
let loading: Promise<ECharts> | null = null;
let mapReady: Promise<void> | null = null;

export const MAP_NAME = 'vn-provinces-2025';

function loadEcharts(): Promise<ECharts> {
  loading ??= import('echarts');
  return loading;
}

/** Registers the 34-province map (including Hoàng Sa and Trường Sa) once. */
async function loadMap(ec: ECharts): Promise<void> {
  mapReady ??= import('../../assets/provinces-2025.json').then((m) => {
    ec.registerMap(MAP_NAME, m.default as unknown as Parameters<ECharts['registerMap']>[1]);
  });
  return mapReady;
}

export const animate = typeof navigator === 'undefined' || !navigator.webdriver;

export default function EChart({
  option,
  height,
  needsMap = false,
  testId,
}: {
  option: object;
  height: number;
  needsMap?: boolean;
  testId?: string;
}) {
  const ref = useRef<HTMLDivElement>(null);
  const chart = useRef<ReturnType<ECharts['init']> | null>(null);
  const [ready, setReady] = useState(false);

  useEffect(() => {
    let disposed = false;
    let ro: ResizeObserver | undefined;
    void (async () => {
      const ec = await loadEcharts();
      if (needsMap) await loadMap(ec);
      if (disposed || !ref.current) return;
      chart.current = ec.init(ref.current, undefined, { renderer: 'canvas' });
      setReady(true);
      ro = new ResizeObserver(() => chart.current?.resize());
      ro.observe(ref.current);
    })();
    return () => {
      disposed = true;
      ro?.disconnect();
      chart.current?.dispose();
      chart.current = null;
    };
  }, [needsMap]);

  useEffect(() => {
    if (ready && chart.current) chart.current.setOption({ animation: animate, ...option }, true);
  }, [ready, option]);

  return (
    <div style={{ position: 'relative', height }} data-testid={testId} data-ready={ready ? 'true' : 'false'}>
      {!ready && <Skeleton active paragraph={{ rows: 4 }} />}
      <div ref={ref} style={{ position: 'absolute', inset: 0 }} />
    </div>
  );
}
