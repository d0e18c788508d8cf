/**
 * The toolbar's Export: the map's data as JSON (./mapModel's exportDocument), the drawing as SVG
 * or PNG (from the graph component), each saved through the container's hidden download link.
 * What it needs from the container comes through `ExportHost`.
 */
import type { MapGraph, MapSummary } from 'c/relationshipMapApi';
import { exportFile, isDataExport } from 'c/relationshipMapExportFormat';
import type { DataExportKind } from 'c/relationshipMapExportFormat';
import type { ExportHeading } from 'c/relationshipMapGraph';
import { exportDocument, exportFileName } from './mapModel';
import type { Insights } from './mapModel';
import { detach } from './running';

/** The graph's public methods (docs/map-component.md). */
export type GraphElement = HTMLElement & {
  fitToView(): void;
  unpinAll(): void;
  focusPerson(id: string): void;
  exportSvg(heading?: ExportHeading): string;
  exportPng(heading?: ExportHeading): Promise<string>;
};

export interface ExportHost {
  readonly graph: MapGraph | null;
  readonly vm: { readonly insights: Insights | null; readonly summary: MapSummary | null };
  /** The graph component, when the graph view shows. */
  readonly graphElement: GraphElement | null;
  /** The hidden link a download goes through. */
  readonly downloadLink: HTMLAnchorElement | undefined;
  fail(title: string, error: unknown, retry: (() => void) | null): string;
}

/** Exports what `kind` names (an ExportKind of c/relationshipMapFilters); anything else does nothing. */
export function exportMap(host: ExportHost, kind: unknown): void {
  if (kind === 'json') exportJson(host);
  else if (kind === 'svg') exportSvg(host);
  else if (kind === 'png') detach(exportPng(host));
  else if (isDataExport(kind)) exportData(host, kind);
}

/** People or links as CSV, or the graph as GraphML: the same writer as `npm run export`. */
function exportData(host: ExportHost, kind: DataExportKind): void {
  const graph = host.graph;
  if (!graph) return;
  const file = exportFile(kind, graph.summary, graph.people, graph.links);
  download(host, new Blob([file.content], { type: file.mimeType }), file.fileName);
}

/** The picture's title block: the map, its goal and the day it was taken. */
function headingOf(host: ExportHost): ExportHeading {
  const summary = host.vm.summary;
  return {
    accountName: summary?.accountName ?? null,
    mapName: summary?.name ?? null,
    date: new Date(),
    note: summary?.goal ? `Goal: ${summary.goal}` : null,
  };
}

function exportJson(host: ExportHost): void {
  const graph = host.graph;
  if (!graph) return;
  const blob = new Blob([exportDocument(graph, host.vm.insights, new Date())], { type: 'application/json' });
  download(host, blob, exportFileName(graph.summary, 'json'));
}

function exportSvg(host: ExportHost): void {
  const element = host.graphElement;
  if (!element) return;
  try {
    const blob = new Blob([element.exportSvg(headingOf(host))], { type: 'image/svg+xml' });
    download(host, blob, exportFileName(host.vm.summary, 'svg'));
  } catch (error) {
    host.fail('The map was not exported', error, () => exportSvg(host));
  }
}

async function exportPng(host: ExportHost): Promise<void> {
  const element = host.graphElement;
  if (!element) return;
  try {
    const url = await element.exportPng(headingOf(host));
    saveUrl(host, url, exportFileName(host.vm.summary, 'png'));
  } catch (error) {
    host.fail('The map was not exported', error, () => detach(exportPng(host)));
  }
}

function download(host: ExportHost, blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  saveUrl(host, url, fileName);
  // Let the browser start the download before the URL goes away.
  // eslint-disable-next-line @lwc/lwc/no-async-operation
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

function saveUrl(host: ExportHost, url: string, fileName: string): void {
  const anchor = host.downloadLink;
  if (!anchor) return;
  anchor.href = url;
  anchor.download = fileName;
  anchor.click();
}
