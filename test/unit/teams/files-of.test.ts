// Files sent to the bot on Teams: only file.download.info attachments whose download URL is on
// SharePoint (https), or beside the connector the activity came from, are taken; anything else is
// never fetched.
import { describe, expect, it } from 'vitest';
import { filesOf } from '../../../adapters/teams/conversation.ts';

const INFO = 'application/vnd.microsoft.teams.file.download.info';
const file = (downloadUrl: unknown, name: unknown = 'members.csv', contentType = INFO) => ({ contentType, name, content: { downloadUrl, fileType: 'csv' } });
const activity = (...attachments: unknown[]) => ({ serviceUrl: 'https://smba.trafficmanager.net/emea/', attachments: attachments as never });

describe('filesOf', () => {
  it('takes a SharePoint download URL with the file name', () => {
    const url = 'https://contoso-my.sharepoint.com/personal/alex/_layouts/15/download.aspx?UniqueId=1150d938&Translate=false&tempauth=x';
    expect(filesOf(activity(file(url)))).toEqual([{ id: url, name: 'members.csv' }]);
  });

  it('leaves out other hosts, plain http, look-alike hosts, other attachment kinds and malformed ones', () => {
    expect(
      filesOf(
        activity(
          file('https://files.example.org/members.csv'),
          file('http://contoso.sharepoint.com/members.csv'),
          file('https://contoso.sharepoint.com.example.org/members.csv'),
          file('https://notsharepoint.com/members.csv'),
          file('https://contoso.sharepoint.com/members.csv', 'x', 'text/html'),
          file(42),
          file('not a url'),
          null,
        ),
      ),
    ).toEqual([]);
  });

  it('takes a URL beside the connector the activity came from (the emulator, the tests), with a stand-in name', () => {
    const url = 'https://smba.trafficmanager.net/files/1/members.csv';
    expect(filesOf(activity(file(url, '  ')))).toEqual([{ id: url, name: 'the file' }]);
    expect(filesOf({ attachments: [file('http://127.0.0.1:9/files/1')] as never })).toEqual([]);
  });
});
