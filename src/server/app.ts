/**
 * The Fastify application: the API under /api/v1 and, when built, the PWA
 * from dist/. Logs (Fastify's own, pino) carry method, route and status —
 * never an IP address, a round code, a password or an answer.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCompress from '@fastify/compress';
import fastifyCookie from '@fastify/cookie';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyBaseLogger, type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import { pino } from 'pino';
import { refuseControlCharacters } from './controlCharacters.ts';
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
import { operatorRoutes } from './routes/operator.ts';
import { healthRoutes } from './routes/health.ts';
import { guardCoordinatorRoutes } from './auth/guard.ts';
import { addSecurityHeaders } from './securityHeaders.ts';
import { responseRoutes } from './routes/responses.ts';
import { roundRoutes } from './routes/rounds.ts';

export interface AppOptions {
  /** Folder with the built PWA; the API runs without it. */
  readonly distDir?: string;
  /** A logger from appLogger(); none (tests) logs nothing. */
  readonly logger?: FastifyBaseLogger;
  /** Which proxy's forwarded headers to believe (TRUST_PROXY); none by default. */
  readonly trustProxy?: string | false;
}

/**
 * Where a request went, without what identifies anyone: the route's pattern
 * (`/api/v1/rounds/:code`, never the code), or for unrouted paths the path
 * with a relatives' link code masked; never the query string.
 */
function loggedUrl(request: FastifyRequest): string {
  const route = request.routeOptions?.url;
  if (route && route !== '*' && route !== '/*') return route;
  return (request.url.split('?')[0] ?? '').replace(/^\/p\/[^/]*/, '/p/:code');
}

/** The server's structured logger (JSON lines on stdout): Fastify's own pino, with nothing personal. */
export function appLogger(level: string): FastifyBaseLogger {
  return pino({
    level,
    base: null,
    serializers: {
      req: (request: FastifyRequest) => ({ method: request.method, url: loggedUrl(request) }),
      res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
    },
    // Nothing below is ever logged on purpose; if a future line carries it, it is blanked.
    redact: { paths: ['password', '*.password', 'username', '*.username', 'body', '*.body', 'headers', '*.headers', 'ip', '*.ip', 'roundCode', '*.roundCode'], censor: '[redacted]' },
  }) as FastifyBaseLogger;
}

export async function buildApp(ctx: AppContext, options: AppOptions = {}): Promise<FastifyInstance> {
  // Forwarded headers only from the proxy TRUST_PROXY names: otherwise anyone could choose their address.
  const app = Fastify({
    ...(options.logger ? { loggerInstance: options.logger } : { logger: false }),
    trustProxy: options.trustProxy ?? false,
    // A URL Fastify cannot decode (`%ZZ`) names nothing: answered in the API's own error shape.
    frameworkErrors: (_error, request, reply) => {
      void (reply as FastifyReply).status(404).send(errorBody(request as FastifyRequest, 'not-found'));
    },
  });
  refuseControlCharacters(app);
  await app.register(fastifyCookie);
  // The app shell is mostly JavaScript: brotli or gzip shrinks a tablet's first download about fourfold.
  await app.register(fastifyCompress, { global: true, threshold: 1024, encodings: ['br', 'gzip'] });
  addSecurityHeaders(app);

  app.setErrorHandler((error, request, reply) => {
    if (error instanceof HttpError) {
      if (request.routeOptions.url === '/api/v1/responses') request.log.info({ status: error.status, errorCode: error.code }, 'submission refused');
      return sendError(request, reply, error);
    }
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
    // The error's own message and stack, never the request (its body holds answers).
    const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
    request.log.error({ err: { type: name, message, code, stack } }, 'unhandled error');
    return reply.status(500).send(errorBody(request, 'internal'));
  });

  await app.register(
    async (api) => {
      await api.register(healthRoutes(ctx));
      await api.register(roundRoutes(ctx));
      await api.register(responseRoutes(ctx));
      await api.register(
        async (coordinator) => {
          guardCoordinatorRoutes(coordinator, ctx.db.kysely);
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
      await api.register(operatorRoutes(ctx), { prefix: '/operator' });
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
      // Scripts and stylesheets come with brotli and gzip copies made at build time (vite.config.ts).
      preCompressed: true,
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
