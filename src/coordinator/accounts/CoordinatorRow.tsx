/**
 * One coordinator in an admin's list: role and whether the account is
 * disabled, and for a colleague (never oneself) a one-time password reset,
 * shown once, and disabling or enabling the account.
 */
import { useState } from 'react';
import { Button } from 'react-aria-components';
import { useTranslation } from 'react-i18next';
import { coordinatorSchema, passwordResetSchema, type CoordinatorInfo } from '../../shared/coordinatorApi.ts';
import { apiSend } from '../api.ts';
import { FailureNotice } from '../ui/FailureNotice.tsx';
import { NS } from '../i18n.ts';

export interface CoordinatorRowProps {
  readonly coordinator: CoordinatorInfo;
  readonly isSelf: boolean;
  readonly onChanged: (coordinator: CoordinatorInfo) => void;
}

export function CoordinatorRow({ coordinator, isSelf, onChanged }: CoordinatorRowProps) {
  const { t } = useTranslation(NS);
  const [oneTime, setOneTime] = useState<string | null>(null);
  const [failure, setFailure] = useState<unknown>(null);

  async function reset() {
    setFailure(null);
    try {
      setOneTime((await apiSend('POST', `/coordinators/${coordinator.id}/reset-password`, undefined, passwordResetSchema)).password);
    } catch (caught) {
      setFailure(caught);
    }
  }

  async function toggle() {
    setFailure(null);
    try {
      onChanged(await apiSend('PATCH', `/coordinators/${coordinator.id}`, { disabled: !coordinator.disabled }, coordinatorSchema));
    } catch (caught) {
      setFailure(caught);
    }
  }

  return (
    <tr>
      <th scope="row">{coordinator.username}</th>
      <td>
        {coordinator.isAdmin ? t('coordinators.admin') : t('coordinators.coordinator')}
        {coordinator.disabled ? `, ${t('coordinators.disabled')}` : ''}
      </td>
      <td>
        {isSelf ? (
          t('coordinators.you')
        ) : (
          <div className="row-actions">
            <Button className="button" onPress={() => void reset()} aria-label={t('coordinators.resetFor', { username: coordinator.username })}>
              {t('coordinators.reset')}
            </Button>
            <Button className="button" onPress={() => void toggle()} aria-label={t(coordinator.disabled ? 'coordinators.enableFor' : 'coordinators.disableFor', { username: coordinator.username })}>
              {coordinator.disabled ? t('coordinators.enable') : t('coordinators.disable')}
            </Button>
          </div>
        )}
        <p role="status">{oneTime ? t('coordinators.oneTime', { username: coordinator.username, password: oneTime }) : null}</p>
        <FailureNotice failure={failure} />
      </td>
    </tr>
  );
}
