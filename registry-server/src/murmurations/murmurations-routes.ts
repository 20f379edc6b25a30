// The node's Murmurations profiles over HTTP (ADR 0050): /murmurations/node.json, and one per
// public initiative and market record. A record that is not public (a draft, unpublished,
// deleted, expired) answers 404: the Murmurations index drops a profile only once its URL
// answers 404, so that answer is part of the protocol, not an error page.
import { Router, type Response } from 'express';
import type { Registry } from '../registry.ts';
import { MurmurationsProfileReader } from './murmurations-profile-reader.ts';
import type { MurmurationsProfile } from './murmurations-profiles.ts';

/** Handles are lower-case words and hyphens (common.schema.json#/$defs/handle); anything else names nothing. */
const PROFILE_FILE = /^([a-z0-9][a-z0-9-]{0,99})\.json$/;

export function murmurationsRoutes(registry: Registry): Router {
  const reader = new MurmurationsProfileReader(registry);
  const router = Router();
  router.get('/murmurations/node.json', async (_req, res) => send(res, await reader.node()));
  router.get('/murmurations/initiatives/:file', async (req, res) => {
    const handle = PROFILE_FILE.exec(req.params.file)?.[1];
    send(res, handle ? await reader.initiative(handle) : null);
  });
  router.get('/murmurations/market/:file', async (req, res) => {
    const handle = PROFILE_FILE.exec(req.params.file)?.[1];
    send(res, handle ? await reader.marketRecord(handle) : null);
  });
  return router;
}

function send(res: Response, profile: MurmurationsProfile | null): void {
  // Aggregators' maps read profiles from the browser; the index must see a 404 the moment a
  // record stops being public, so no cache may keep the 200 (`no-cache`: revalidate every time).
  res.set('Access-Control-Allow-Origin', '*').set('Cache-Control', 'no-cache');
  if (!profile) {
    res.status(404).json({
      errors: [
        {
          status: 404,
          title: 'Profile Not Found',
          detail: 'No public profile here: the record is not published on this node, or no longer (unpublished, deleted or expired).',
        },
      ],
    });
    return;
  }
  res.status(200).type('application/json').send(JSON.stringify(profile));
}
