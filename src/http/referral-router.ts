/**
 * `GET /r/<code>`: a referral link. The visit is recorded and the visitor sent on to the join
 * page with `ref=<code>`, which the join page shows so that the new member can name it to the
 * bot (`joined <code>`) on first contact.
 */
import { Router } from 'express';
import type { Referrals } from '../core/connections/referrals.js';
import type { Logger } from '../core/shared/logger.js';

export interface ReferralRouterOptions {
  referrals: Pick<Referrals, 'visit'>;
  /** REFERRAL_JOIN_URL. */
  joinUrl: string;
  logger: Logger;
}

/** Codes as the referral repository makes them; anything else is not looked up. */
const CODE = /^[A-Za-z0-9_-]{8,64}$/;

export function createReferralRouter(options: ReferralRouterOptions): Router {
  const logger = options.logger.child({ module: 'referral-links' });
  const router = Router();

  router.get('/r/:code', async (request, response, next) => {
    try {
      const { code } = request.params;
      const owner = CODE.test(code) ? await options.referrals.visit(code) : null;
      if (!owner) {
        // A mistyped link still leads somewhere useful, without crediting anyone.
        logger.warn({ code: code.slice(0, 64) }, 'unknown referral code');
        response.redirect(302, options.joinUrl);
        return;
      }
      const target = new URL(options.joinUrl);
      target.searchParams.set('ref', code);
      logger.info({ tenant: owner.tenant, member: owner.member }, 'referral link opened');
      response.redirect(302, target.toString());
    } catch (error) {
      next(error);
    }
  });
  return router;
}
