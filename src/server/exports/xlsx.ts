/** Writes export tables as one streamed XLSX workbook (exceljs), one sheet per table. */
import { once } from 'node:events';
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { nextTurn } from '../nextTurn.ts';
import type { Table } from './tables.ts';

export async function writeWorkbook(tables: readonly Table[], out: Writable): Promise<void> {
  const workbook = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  workbook.creator = 'Min stemme teller';
  for (const table of tables) {
    // Wide columns and a frozen, bold header row, so the sheet reads without resizing anything.
    const sheet = workbook.addWorksheet(table.name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => ({ key: String(i), width: i === 0 ? 48 : Math.min(40, Math.max(12, c.title.length + 2)) }));
    const header = sheet.addRow(table.columns.map((c) => c.title));
    header.font = { bold: true };
    header.alignment = { wrapText: true, vertical: 'top' };
    header.commit();
    let rows = 0;
    for await (const row of table.rows()) {
      sheet.addRow(row.map((cell) => cell ?? null)).commit();
      // Let the bytes flow out as they are made, so memory stays flat however large the workbook grows,
      // and other requests get a turn while the rows are zipped.
      if (++rows % 50 === 0) {
        if (out.writableNeedDrain) await once(out, 'drain');
        else await nextTurn();
      }
    }
    sheet.commit();
    await nextTurn();
  }
  await workbook.commit();
}
