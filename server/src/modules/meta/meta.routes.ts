import express, { type Router } from 'express';
import type { Connection } from 'mongoose';
import type { ServerI18n } from '../../core/i18n/i18n';
import { ensureInstallation } from './installation.service';

/** What the client needs before anyone signs in: the languages offered and which installation this is. */
export function metaRoutes(db: Connection, i18n: ServerI18n): Router {
  const router = express.Router();
  router.get('/meta', async (req, res) => {
    const installation = await ensureInstallation(db);
    res.json({
      languages: i18n.languages,
      language: req.ctx.language,
      installationId: installation.installationId,
      installedAt: installation.createdAt,
    });
  });
  return router;
}
