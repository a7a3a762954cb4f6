/**
 * POST /upload: a tablet's emergency file, sealed (version 2, opened here
 * and nowhere else) or in clear (version 1, from tablets set up before
 * sealing). The coordinator's browser never sees the responses inside.
 */
import type { FastifyPluginAsync } from 'fastify';
import { anyExportFileSchema, MAX_EXPORT_FILE_BYTES, type UploadReport } from '../../../shared/exportFile.ts';
import { errorBody, HttpError } from '../../apiErrors.ts';
import { requireCoordinator } from '../../auth/guard.ts';
import type { AppContext } from '../../context.ts';
import { openSealed } from '../../sealing.ts';
import { storeFileResponses } from '../../uploadFile.ts';

export const uploadRoutes = (ctx: AppContext): FastifyPluginAsync =>
  async (app) => {
    app.post('/upload', { bodyLimit: MAX_EXPORT_FILE_BYTES }, async (request): Promise<UploadReport> => {
      const user = await requireCoordinator(ctx.db.kysely, request);
      const file = anyExportFileSchema.safeParse(request.body);
      if (!file.success) throw new HttpError(400, 'invalid-export-file');
      const responses = file.data.version === 2 ? await openSealed(ctx.db.kysely, file.data) : file.data.responses;
      const result = await storeFileResponses(ctx.db.kysely, ctx.questionnaires, user.municipalityId, responses);
      return {
        total: result.total,
        stored: result.stored,
        refused: result.refused.map((r) => ({ responseId: r.responseId, message: errorBody(request, r.code).error.message })),
      };
    });
  };
