import Fastify, { type FastifyInstance } from 'fastify';
import { pickLang } from '../core/i18n.js';
import { translate } from '../core/messages/index.js';
import { MAX_ADD_CHECKPOINT_BYTES } from '../ledger/witness-protocol.js';
import { addCheckpoint, cosignedCheckpoint, type WitnessContext } from './service.js';

/**
 * `custodia witness serve`: the tlog-witness HTTP interface. `POST /add-checkpoint` is the submission
 * prefix; `GET /<sha256(origin) hex>/checkpoint` is the monitoring endpoint. No login: a request is
 * trusted only as far as the log signature on its checkpoint.
 */
export function buildWitnessApp(ctx: WitnessContext, options: { logger?: boolean } = {}): FastifyInstance {
  const app = Fastify({ logger: options.logger ?? false, bodyLimit: MAX_ADD_CHECKPOINT_BYTES });
  app.removeAllContentTypeParsers();
  // The body is a text protocol whatever the client labels it; parse every content type as UTF-8 text.
  app.addContentTypeParser('*', { parseAs: 'string' }, (_request, body, done) => done(null, body));
  app.post('/add-checkpoint', async (request, reply) => {
    const text = typeof request.body === 'string' ? request.body : '';
    const result = await addCheckpoint(ctx, text, pickLang(request.headers['accept-language']));
    return reply.code(result.status).type(result.contentType).send(result.body);
  });
  app.get<{ Params: { originHash: string } }>('/:originHash/checkpoint', async (request, reply) => {
    const note = cosignedCheckpoint(ctx, request.params.originHash);
    const lang = pickLang(request.headers['accept-language']);
    if (note === undefined) {
      return reply
        .code(404)
        .type('text/plain; charset=utf-8')
        .send(`${translate(lang, 'witness.no_cosigned_checkpoint', {})}\n`);
    }
    return reply.header('cache-control', 'no-cache').type('text/plain; charset=utf-8').send(note);
  });
  return app;
}
