import { Workbook } from 'exceljs';
import { ExportTable } from './dashboard-tables';

/** One sheet with a bold header row; numbers stay as the strings the API sends (exact yen and tonnes). */
export async function toXlsx(t: ExportTable, lang: 'ja' | 'en', sheet: string): Promise<Buffer> {
  const wb = new Workbook();
  const ws = wb.addWorksheet(sheet);
  ws.addRow(t.headers.map((h) => h[lang])).font = { bold: true };
  for (const r of t.rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
