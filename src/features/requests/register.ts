// Requests applied once: the keys of handled Slack and Teams requests (claim-request.ts), and the
// hourly job that forgets old ones. No commands; the adapters claim through the core.
import { defineFeature } from '../../kernel/feature.ts';
import { pruneHandledRequestsJob } from './prune-handled-requests.ts';

export const requests = defineFeature({
  name: 'requests',
  jobs: () => [pruneHandledRequestsJob()],
});
