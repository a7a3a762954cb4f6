/**
 * The words written instead of a hidden figure, one distinct phrase per
 * reason: "Ingen svar", "For få svar" or "Skjult for å verne en liten
 * gruppe". Every page and table writes a hidden figure through this.
 */
import { useTranslation } from 'react-i18next';
import type { HiddenStatus } from '../format.ts';
import { NS } from '../i18n.ts';

export function HiddenFigure({ status }: { readonly status: HiddenStatus }) {
  const { t } = useTranslation(NS);
  return <span className={`hidden-figure ${status === 'empty' ? 'empty' : 'suppressed'}`}>{t(`hidden.${status}`)}</span>;
}
