/** One round: its status with open and close, the tablet code and relatives' link, live progress, and links onward. */
import { useTranslation } from 'react-i18next';
import { formatDate } from '../format.ts';
import { NS } from '../i18n.ts';
import { LoadState } from '../ui/LoadState.tsx';
import { PageHeading } from '../ui/PageHeading.tsx';
import { loadRoundContext } from '../resources.ts';
import { RoundAccess } from './RoundAccess.tsx';
import { RoundLinks } from './RoundLinks.tsx';
import { RoundProgress } from './RoundProgress.tsx';
import { RoundStatusControl } from './RoundStatusControl.tsx';
import { useApiData } from '../useApiData.ts';

export function RoundPage({ roundId }: { readonly roundId: number }) {
  const { t, i18n } = useTranslation(NS);
  const { result, reload, replace } = useApiData(`round-${roundId}`, () => loadRoundContext(roundId));
  const context = result.state === 'ready' ? result.data : undefined;
  const name = context?.round.name ?? t('round.title');

  return (
    <>
      <PageHeading title={t('round.pageTitle', { round: name })}>{name}</PageHeading>
      <LoadState result={result} onRetry={reload} />
      {context ? (
        <>
          <p className="lead">
            {t('common.period', { from: formatDate(context.round.opensOn, i18n.language), to: formatDate(context.round.closesOn, i18n.language) })}
            {' · '}
            {context.units.map((unit) => unit.name).join(', ')}
          </p>
          <RoundStatusControl round={context.round} onChange={(round) => replace({ ...context, round })} />
          <RoundAccess round={context.round} />
          <RoundProgress round={context.round} units={context.units} questionnaires={context.questionnaires} />
          <RoundLinks round={context.round} />
        </>
      ) : null}
    </>
  );
}
