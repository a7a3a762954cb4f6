/**
 * Security headers on every response: a strict Content-Security-Policy (no
 * inline or foreign scripts, no plugins, no framing), no referrer, no MIME
 * sniffing, only the browser features the app uses, and HSTS over https.
 */
import type { FastifyInstance } from 'fastify';

const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  // react-aria and the progress bar set style attributes; no inline script is allowed.
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "media-src 'self' blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self'",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
  "form-action 'self'",
].join('; ');

// Coordinators record voices and sign language on this site; nothing else may.
const PERMISSIONS = ['camera=(self)', 'microphone=(self)', 'geolocation=()', 'payment=()', 'usb=()', 'serial=()', 'bluetooth=()', 'interest-cohort=()'].join(', ');

export function addSecurityHeaders(app: FastifyInstance): void {
  app.addHook('onSend', async (request, reply) => {
    reply.header('Content-Security-Policy', CSP);
    reply.header('X-Content-Type-Options', 'nosniff');
    reply.header('Referrer-Policy', 'no-referrer');
    reply.header('Permissions-Policy', PERMISSIONS);
    reply.header('X-Frame-Options', 'DENY');
    reply.header('Cross-Origin-Opener-Policy', 'same-origin');
    if (request.protocol === 'https') reply.header('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
  });
}
