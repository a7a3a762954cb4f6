/**
 * Real speech in headless Chromium: speech-dispatcher with espeak-ng gives
 * Norwegian voices, and a null ALSA device lets utterances finish without a
 * sound card. Returns the extra launch options; throws with the install
 * command when the Debian packages are missing (.ci/run installs them).
 */
import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const SYSTEM_CONF = '/etc/speech-dispatcher/speechd.conf';

export function speechEnvironment(): { args: string[]; env: Record<string, string> } {
  if (!existsSync(SYSTEM_CONF) || !existsSync('/usr/bin/espeak-ng')) {
    throw new Error('Real speech needs: apt-get install -y speech-dispatcher speech-dispatcher-espeak-ng espeak-ng');
  }
  const home = mkdtempSync(join(tmpdir(), 'mst-speech-'));
  writeFileSync(join(home, '.asoundrc'), 'pcm.!default { type null }\nctl.!default { type hw card 0 }\n');
  const confDir = join(home, '.config/speech-dispatcher');
  mkdirSync(confDir, { recursive: true });
  const conf = readFileSync(SYSTEM_CONF, 'utf8')
    .split('\n')
    .filter((line) => !/^\s*Include\b/.test(line) && !/^\s*AudioOutputMethod\b/.test(line))
    .join('\n');
  writeFileSync(
    join(confDir, 'speechd.conf'),
    `${conf}\nAudioOutputMethod "alsa"\nAddModule "espeak-ng" "sd_espeak-ng" "espeak-ng.conf"\nDefaultModule espeak-ng\n`,
  );
  return { args: ['--enable-speech-dispatcher'], env: { ...(process.env as Record<string, string>), HOME: home } };
}
