/** Output helpers: aligned text tables, CSV, and files that never overwrite by surprise. */
import { existsSync, mkdirSync, readdirSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import {
  toCsv,
  type Cell,
} from '../../../force-app/main/default/lwc/relationshipMapExportFormat/relationshipMapExportFormat.ts';
import { UsageError } from './errors.ts';

export type { Cell };

function cellText(value: Cell): string {
  if (value === null || value === undefined) return '';
  // One line per row: newlines in long text would break the table.
  return String(value).replace(/\s*[\r\n]+\s*/g, ' ');
}

/** A plain-text table with a header row and aligned columns. */
export function table(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  const textRows = rows.map((row) => headers.map((_, i) => cellText(row[i])));
  const widths = headers.map((header, i) => Math.max(header.length, ...textRows.map((row) => row[i].length)));
  const line = (cells: readonly string[]) =>
    cells
      .map((cell, i) => cell.padEnd(widths[i]))
      .join('  ')
      .trimEnd();
  return [line(headers), line(widths.map((w) => '-'.repeat(w))), ...textRows.map(line)].join('\n');
}

/**
 * CSV with a header row; every value as text, booleans as true/false. The map's own CSV writer
 * (c/relationshipMapExportFormat: RFC 4180 quoting, LF line ends), so every CSV the CLI and the
 * map tab write reads the same.
 */
export function csv(headers: readonly string[], rows: readonly (readonly Cell[])[]): string {
  return toCsv(headers, rows);
}

/**
 * Checks an output folder before any work: an existing non-empty one is an error unless force is
 * set, so an export never mixes with or silently replaces an earlier one.
 */
export function checkOutputFolder(folder: string, force: boolean): void {
  if (existsSync(folder) && readdirSync(folder).length > 0 && !force) {
    throw new UsageError(
      `${folder} already exists and is not empty. Choose another --out, or add --force to overwrite its files.`
    );
  }
}

/** Makes a folder (and its parents) if missing. */
export function makeFolder(folder: string): void {
  mkdirSync(folder, { recursive: true });
}

/** Writes a file whole or not at all (temporary file, then rename). */
export function writeFileAtomic(file: string, content: string): void {
  const temp = path.join(path.dirname(file), `.${path.basename(file)}.${process.pid}.tmp`);
  writeFileSync(temp, content, 'utf8');
  renameSync(temp, file);
}

/** "1 person" / "3 people" style counts. */
export function count(n: number, singular: string, plural = `${singular}s`): string {
  return `${n.toLocaleString('en-US')} ${n === 1 ? singular : plural}`;
}
