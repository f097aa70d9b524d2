// Quorum added to the board's team channel and installed, then spoken to there once (a mention
// of the bot saying "help"): after that the bot knows the channel and can post in it, as in real use.
import type { TeamsService } from './service.ts';

export async function joinBoardChannel(service: TeamsService): Promise<void> {
  await service.teams.send(service.teams.botAdded({ place: 'channel' }));
  await service.teams.send(service.teams.installationUpdate({ action: 'add' }));
  await service.teams.send(service.teams.message({ text: 'help', place: 'channel', mention: true }));
}
