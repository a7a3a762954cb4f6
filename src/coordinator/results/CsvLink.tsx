/** The download link of the CSV file that holds the table above it (the same figures, labels and hidden-figure words). */
import { useTranslation } from 'react-i18next';
import type { ExportTable } from '../../shared/coordinatorApi.ts';
import { API_BASE } from '../api.ts';
import { NS } from '../i18n.ts';

export function CsvLink({ roundId, table }: { readonly roundId: number; readonly table: ExportTable }) {
  const { t } = useTranslation(NS);
  return (
    <p className="csv-link no-print">
      <a href={`${API_BASE}/rounds/${roundId}/export.csv?table=${table}`} download>
        {t(`round.exportCsv.${table}`)}
      </a>
    </p>
  );
}
