/**
 * The Fastify application: the API under /api/v1 and, when built, the PWA
 * from dist/. Logs carry method, path and status only — never an IP address.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { errorBody, HttpError, sendError } from './apiErrors.ts';
import type { AppContext } from './context.ts';
import { adminRoutes } from './routes/coordinator/admin.ts';
import { authRoutes } from './routes/coordinator/auth.ts';
import { exportRoutes } from './routes/coordinator/exports.ts';
import { uploadRoutes } from './routes/coordinator/upload.ts';
import { mediaAdminRoutes } from './routes/coordinator/media.ts';
import { mediaRoutes } from './routes/media.ts';
import { resultRoutes } from './routes/coordinator/results.ts';
import { roundAdminRoutes } from './routes/coordinator/rounds.ts';
import { healthRoutes } from './routes/health.ts';
import { addSecurityHeaders } from './securityHeaders.ts';
import { responseRoutes } from './routes/responses.ts';
import { roundRoutes } from './routes/rounds.ts';

export interface AppOptions {
  /** Folder with the built PWA; the API runs without it. */
  readonly distDir?: string;
  readonly logger?: boolean;
}

const loggerOptions: FastifyServerOptions['logger'] = {
  level: 'info',
  base: null,
  serializers: {
    req: (request: { method: string; url: string }) => ({ method: request.method, url: request.url }),
    res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
  },
};

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  // Only a reverse proxy on this machine may say the request came over https.
  const app = Fastify({ logger: options.logger ? loggerOptions : false, trustProxy: 'loopback' });
  await app.register(fastifyCookie);
  // The app shell is mostly JavaScript: brotli or gzip shrinks a tablet's first download about fourfold.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  addSecurityHeaders(app);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) return sendError(request, reply, error);
    const code = (error as { code?: string }).code;
    if (code === 'FST_ERR_CTP_BODY_TOO_LARGE') {
      return reply.status(413).send(errorBody(request, request.url.includes('/coordinator/media/') ? 'media-too-large' : 'body-too-large'));
    }
    if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE') return reply.status(415).send(errorBody(request, 'unsupported-media-type'));
    if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY' || code === 'FST_ERR_CTP_INVALID_JSON_BODY' || error instanceof SyntaxError) {
      return reply.status(400).send(errorBody(request, 'invalid-json'));
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) return reply.status(status).send(errorBody(request, 'invalid-payload'));
    request.log.error({ err: error }, 'unhandled error');
    return reply.status(500).send(errorBody(request, 'internal'));
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(ctx));
      await api.register(roundRoutes(ctx));
      await api.register(responseRoutes(ctx));
      await api.register(
        async (coordinator) => {
          await coordinator.register(authRoutes(ctx));
          await coordinator.register(adminRoutes(ctx));
          await coordinator.register(roundAdminRoutes(ctx));
          await coordinator.register(resultRoutes(ctx));
          await coordinator.register(exportRoutes(ctx));
          await coordinator.register(uploadRoutes(ctx));
          await coordinator.register(mediaAdminRoutes(ctx));
        },
        { prefix: '/coordinator' },
      );
    },
    { prefix: '/api/v1' },
  );
  await app.register(mediaRoutes(ctx));

  const distDir = options.distDir;
  const hasApp = distDir !== undefined && existsSync(join(distDir, 'index.html'));
  if (hasApp) {
    await app.register(fastifyStatic, {
      root: distDir,
      // Look files up per request, so a rebuilt app's new chunks are served without a restart.
      wildcard: true,
      setHeaders: (res, path) => {
        // The service worker and the page must always be checked for a new version.
        if (path.endsWith('sw.js') || path.endsWith('.html') || path.endsWith('.webmanifest')) {
          res.header('Cache-Control', 'no-cache');
        } else if (path.includes('/assets/')) {
          res.header('Cache-Control', 'public, max-age=31536000, immutable');
        }
      },
    });
  }

  app.setNotFoundHandler((request, reply) => {
    const isApi = request.url.startsWith('/api/');
    // A missing file (an old chunk, a picture) is a 404, never the app shell served as HTML.
    const path = request.url.split('?')[0] ?? '';
    const looksLikeFile = /\.[a-z0-9]{1,8}$/i.test(path);
    if (!isApi && !looksLikeFile && hasApp && (request.method === 'GET' || request.method === 'HEAD')) {
      // Client-side routes (/p/<code>, /koordinator) all load the app shell.
      reply.header('Cache-Control', 'no-cache');
      return reply.sendFile('index.html');
    }
    return reply.status(404).send(errorBody(request, 'not-found'));
  });

  return app;
}
