/**
 * The coordinator's media pages: every text a respondent hears, with its
 * recorded voice and (for questions) sign-language video, and upload,
 * replace and delete. Only the municipality's own coordinators change its
 * media; files are checked by their tracks, codecs and size.
 */
import type { FastifyPluginAsync } from 'fastify';
import { z } from 'zod';
import type { MediaList } from '../../../shared/coordinatorApi.ts';
import { mediaKey, type MediaKind } from '../../../shared/spokenTexts.ts';
import { HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { deleteMedia, mediaOf, putMedia, type Assignment } from '../../media/mediaStore.ts';
import { checkMedia, MAX_AUDIO_BYTES, MAX_VIDEO_BYTES } from '../../media/mediaTypes.ts';
import { saysText, spokenTextsOf } from '../../media/spokenTextsOf.ts';

const listQuery = z.object({ questionnaireId: z.string().max(64), language: z.string().regex(/^[a-z]{2,3}$/) });
const target = z.object({
  questionnaireId: z.string().max(64),
  language: z.string().regex(/^[a-z]{2,3}$/),
  kind: z.enum(['audio', 'video']),
  key: z.string().regex(mediaKey),
});

export const mediaAdminRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    const db = ctx.db.kysely;
    app.addContentTypeParser(/^(audio|video)\//, { parseAs: 'buffer', bodyLimit: MAX_VIDEO_BYTES }, (_request, body, done) => done(null, body));

    async function texts(questionnaireId: string, language: string) {
      const q = await ctx.questionnaires.latest(questionnaireId);
      if (!q || !q.languages.includes(language)) throw new HttpError(404, 'media-unknown-text');
      return { q, texts: spokenTextsOf(q, language) };
    }

    /** The file a request names, and the text (as the newest version words it) a file put there is recorded for. */
    async function assignment(request: Parameters<typeof requireCoordinator>[1]): Promise<Assignment & { readonly text: string }> {
      const user = await requireCoordinator(db, request);
      const parsed = target.safeParse(request.params);
      if (!parsed.success) throw new HttpError(404, 'media-unknown-text');
      const { texts: list } = await texts(parsed.data.questionnaireId, parsed.data.language);
      const text = list.find((t) => t.key === parsed.data.key);
      if (!text) throw new HttpError(404, 'media-unknown-text');
      if (parsed.data.kind === 'video' && text.kind !== 'question') throw new HttpError(400, 'media-video-only-questions');
      return { municipalityId: user.municipalityId, ...parsed.data, kind: parsed.data.kind as MediaKind, text: text.text };
    }

    app.get('/media', async (request): Promise<MediaList> => {
      const user = await requireCoordinator(db, request);
      const query = listQuery.safeParse(request.query);
      if (!query.success) throw new HttpError(400, 'invalid-input');
      const { texts: list } = await texts(query.data.questionnaireId, query.data.language);
      const media = await mediaOf(db, user.municipalityId, [query.data.questionnaireId], query.data.language);
      // A file recorded for other words than the newest version's is listed as outdated: tablets on that version do not play it.
      const file = (key: string, kind: MediaKind, text: string) => {
        const found = media.find((m) => m.key === key && m.kind === kind);
        return found ? { url: found.url, hash: found.hash, outdated: !saysText(found.spokenText, text) } : null;
      };
      const items = list.map((t) => ({ ...t, audio: file(t.key, 'audio', t.text), video: file(t.key, 'video', t.text) }));
      return { items, coverage: { recorded: items.filter((i) => i.audio && !i.audio.outdated).length, total: items.length } };
    });

    app.put('/media/:questionnaireId/:language/:kind/:key', async (request, reply) => {
      const at = await assignment(request);
      const body = request.body;
      if (!Buffer.isBuffer(body) || body.length === 0) throw new HttpError(415, 'media-wrong-type');
      const checked = checkMedia(body, at.kind);
      if (!checked.ok) throw new HttpError(415, checked.problem);
      if (body.length > (at.kind === 'audio' ? MAX_AUDIO_BYTES : MAX_VIDEO_BYTES)) throw new HttpError(413, 'media-too-large');
      return reply.status(201).send({ ...(await putMedia(db, at, at.text, body, checked.type)), outdated: false });
    });

    app.delete('/media/:questionnaireId/:language/:kind/:key', async (request, reply) => {
      const at = await assignment(request);
      if (!(await deleteMedia(db, at))) throw new HttpError(404, 'not-found');
      return reply.status(204).send();
    });
  };
