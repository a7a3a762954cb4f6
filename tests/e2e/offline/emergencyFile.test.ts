/**
 * The emergency path: a tablet that cannot send saves a copy of its
 * responses to a file, sealed for the server; a coordinator uploads it
 * without seeing what is inside; the response is stored
 * once, a second upload adds nothing, and when the tablet finally sends,
 * it is acknowledged without a duplicate.
 */
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { sealedExportFileSchema } from '../../../src/shared/exportFile.ts';
import { setUpTablet, waitForOutboxText, wholeRespondentSurvey } from './driver.ts';
import { useE2e } from '../../support/harness.ts';

describe('the emergency file', () => {
  const e2e = useE2e();

  const counts = async () => {
    const n = async (table: 'responses' | 'answers') => Number((await e2e.server.db.kysely.selectFrom(table).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
    return { responses: await n('responses'), answers: await n('answers') };
  };

  it('is saved on an offline tablet, uploaded by a coordinator once or twice, and stored exactly once', async () => {
    const { context, model } = await setUpTablet(e2e.browser, e2e.server.url, e2e.server.demo!.tabletCode);
    await context.setOffline(true);
    const answers = await wholeRespondentSurvey(model);
    await waitForOutboxText(model.page, '1 svar venter på å bli sendt');
    const [download] = await Promise.all([model.page.waitForEvent('download'), model.press('Lagre kopi til fil')]);
    const file = join(mkdtempSync(join(tmpdir(), 'mst-emergency-')), download.suggestedFilename());
    await download.saveAs(file);
    // Sealed for the server: whoever carries the file sees how many responses it holds, nothing more.
    const text = readFileSync(file, 'utf8');
    const parsed = sealedExportFileSchema.parse(JSON.parse(text));
    expect(parsed.count).toBe(1);
    expect(text).not.toContain(e2e.server.demo!.tabletCode);
    expect(text).not.toMatch(/answers|answeredBy|unitId/);
    expect(await counts()).toEqual({ responses: 0, answers: 0 });

    const office = await e2e.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const page = await office.newPage();
    await page.goto(`${e2e.server.url}koordinator/opplasting`);
    await page.getByLabel('Brukernavn').fill(e2e.server.demo!.username);
    await page.getByLabel('Passord').fill(e2e.server.demo!.password);
    await page.getByRole('button', { name: 'Logg inn' }).click();
    await page.getByRole('heading', { name: 'Last opp svar fra et nettbrett', level: 1 }).waitFor();
    for (let upload = 1; upload <= 2; upload++) {
      await page.getByLabel('Fil fra nettbrettet').setInputFiles(file);
      await page.getByRole('button', { name: 'Last opp svarene' }).click();
      await page.getByText('1 av 1 svar er lagret eller var lagret fra før.').waitFor();
      expect(await counts()).toEqual({ responses: 1, answers });
    }
    await page.getByLabel('Fil fra nettbrettet').setInputFiles({ name: 'feil.json', mimeType: 'application/json', buffer: Buffer.from('{"hei": 1}') });
    await page.getByRole('button', { name: 'Last opp svarene' }).click();
    await page.getByText(/Dette er ikke en svarfil fra Min stemme teller/).waitFor();

    // The tablet comes back online and sends the same response: acknowledged, not duplicated.
    await context.setOffline(false);
    await waitForOutboxText(model.page, /Alt er sendt/, 20_000);
    expect(await counts()).toEqual({ responses: 1, answers });
    await office.close();
    await context.close();
  });
});
