// @vitest-environment jsdom
/**
 * ConfirmButton (react-aria's Button, respondent pages) and
 * PlainConfirmButton (a plain button, helper screen) with their dialog in
 * a chunk of its own (issue 17): the
 * dialog is fetched once the button shows, so the first tap opens it at
 * once; "cancel" has the focus, Escape and "cancel" close it and put the
 * focus back on the button, closing stops reading aloud, and only the
 * confirming button acts.
 */
import 'fake-indexeddb/auto';
import '@testing-library/jest-dom/vitest';
import { act, cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent, { type UserEvent } from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConfirmButton } from '../../../src/survey/ConfirmButton.tsx';
import { PlainConfirmButton } from '../../../src/survey/PlainConfirmButton.tsx';
import { loadConfirmDialog } from '../../../src/survey/useConfirmDialog.tsx';
import { createTestServices, disposeServices, renderWithServices, type TestServices } from '../../support/renderSurvey.tsx';

describe.each([
  ['ConfirmButton', ConfirmButton],
  ['PlainConfirmButton', PlainConfirmButton],
])('%s', (_name, Confirm) => {
  let services: TestServices;
  let user: UserEvent;
  const onConfirm = vi.fn<() => void>();

  beforeEach(() => {
    services = createTestServices();
    user = userEvent.setup({ delay: null });
    onConfirm.mockReset();
  });
  afterEach(async () => {
    cleanup();
    await disposeServices(services);
  });

  function show() {
    renderWithServices(
      services,
      <Confirm className="button" title="Ta pause?" text="Undersøkelsen venter." confirmLabel="Ja, ta pause" cancelLabel="Nei, fortsett" onConfirm={onConfirm}>
        Pause
      </Confirm>,
    );
    return screen.getByRole('button', { name: 'Pause' });
  }

  it('fetches the dialog as the button shows, so the first tap opens it at once with "cancel" focused', async () => {
    const trigger = show();
    // What the effect started: the same promise every ConfirmButton shares.
    await act(() => loadConfirmDialog());
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
    expect(trigger).not.toHaveAttribute('aria-controls');

    await user.click(trigger);
    // No findByRole: the dialog is there in the same render as the tap.
    const dialog = screen.getByRole('alertdialog', { name: 'Ta pause?' });
    expect(dialog).toHaveTextContent('Undersøkelsen venter.');
    expect(within(dialog).getByRole('button', { name: 'Nei, fortsett' })).toHaveFocus();
    expect(trigger).toHaveAttribute('aria-expanded', 'true');
    expect(trigger).toHaveAttribute('aria-controls', dialog.id);
  });

  it('Escape and "cancel" close it, give the focus back to the button and stop reading; neither confirms', async () => {
    const trigger = show();
    await user.click(trigger);
    let dialog = await screen.findByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Les opp' }));
    await waitFor(() => expect(services.readAloud.speak).toHaveBeenCalledTimes(1));
    services.readAloud.cancel.mockClear();

    await user.keyboard('{Escape}');
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(services.readAloud.cancel).toHaveBeenCalled();

    await user.click(trigger);
    dialog = screen.getByRole('alertdialog');
    await user.click(within(dialog).getByRole('button', { name: 'Nei, fortsett' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    await waitFor(() => expect(trigger).toHaveFocus());
    expect(onConfirm).not.toHaveBeenCalled();
  });

  it('the confirming button closes the dialog and acts once', async () => {
    const trigger = show();
    await user.click(trigger);
    await user.click(within(await screen.findByRole('alertdialog')).getByRole('button', { name: 'Ja, ta pause' }));
    await waitFor(() => expect(screen.queryByRole('alertdialog')).toBeNull());
    expect(onConfirm).toHaveBeenCalledTimes(1);
    expect(trigger).toHaveAttribute('aria-expanded', 'false');
  });
});
