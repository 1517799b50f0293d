import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';

/**
 * The security headers of every response, the web UI's and the API's alike (docs/decisions/0015). The
 * built UI (dist/web) loads only its own files: one module script, stylesheets, fonts and SVG/JPEG images,
 * no inline script or style and no data: URI (vite.config.ts inlines no asset), so the policy allows
 * 'self' and nothing else.
 */
const WEB_DIRECTIVES = {
  defaultSrc: ["'self'"],
  baseUri: ["'self'"],
  connectSrc: ["'self'"],
  fontSrc: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
  imgSrc: ["'self'"],
  objectSrc: ["'none'"],
  scriptSrc: ["'self'"],
  scriptSrcAttr: ["'none'"],
  styleSrc: ["'self'"],
};

/** The Content-Security-Policy header of the web UI and the API. */
export const CONTENT_SECURITY_POLICY = Object.entries(WEB_DIRECTIVES)
  .map(([name, sources]) => `${name.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`)} ${sources.join(' ')}`)
  .join(';');

/**
 * The hash of the one inline style Swagger UI renders: the colours of its own logo's SVG
 * (`.logo_small_svg__cls-2{fill:#fff}…`), in the top bar @fastify/swagger-ui replaces with its logo.
 * Allowed by hash rather than 'unsafe-inline'; should a new Swagger UI change it, only that hidden logo's
 * colours are lost.
 */
const SWAGGER_LOGO_STYLE = "'sha256-RL3ie0nH+Lzz2YNqQN83mnU0J1ot4QL7b99vMdIX99w='";

/**
 * The API docs UI's policy (/api/docs, Swagger UI): the same, but its stylesheet draws its icons as
 * data: SVG images, and its logo's inline style is allowed by hash. Still no inline script.
 */
export const DOCS_CONTENT_SECURITY_POLICY = CONTENT_SECURITY_POLICY.replace(
  "img-src 'self'",
  "img-src 'self' data:",
).replace("style-src 'self'", `style-src 'self' ${SWAGGER_LOGO_STYLE}`);

/** Strict-Transport-Security, sent only on a response served over TLS (itself, or by a believed proxy). */
export const STRICT_TRANSPORT_SECURITY = 'max-age=31536000; includeSubDomains';

/**
 * Adds the security headers to every response, errors and the 404 included: the Content-Security-Policy
 * above (which also forbids framing: frame-ancestors 'none', and X-Frame-Options: DENY for older
 * browsers), X-Content-Type-Options: nosniff, Referrer-Policy: no-referrer, helmet's cross-origin
 * isolation headers, and HSTS when the request came over TLS. Register it before any hook that may
 * refuse a request, so a refusal carries the headers too.
 */
export async function registerSecurityHeaders(app: FastifyInstance): Promise<void> {
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: WEB_DIRECTIVES },
    frameguard: { action: 'deny' },
    referrerPolicy: { policy: 'no-referrer' },
    // Helmet would send HSTS on plain HTTP too, where a browser ignores it; sent below only over TLS.
    strictTransportSecurity: false,
  });
  app.addHook('onRequest', async (request, reply) => {
    if (request.protocol === 'https') reply.header('strict-transport-security', STRICT_TRANSPORT_SECURITY);
  });
}
