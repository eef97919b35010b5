import fs from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { FileMailTransport, type MailSlot, type OutgoingMail } from './mail-transport';

const mail: OutgoingMail = {
  messageId: '<m@ledger>',
  from: 'ledger@example.org',
  to: 'someone@example.org',
  subject: 'Confirm',
  text: 'link',
  html: '<p>link</p>',
  language: 'en',
};
const uuid = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
const slot = (n: number, expiresAt: string): MailSlot => ({
  subjectId: uuid(n),
  file: { kind: 'signin', id: uuid(1000 + n) },
  expiresAt,
});
const inAnHour = () => new Date(Date.now() + 3_600_000).toISOString();
const past = () => new Date(Date.now() - 1_000).toISOString();

/** The development mail folder: dead links are swept, and a send costs the same however many wait. */
describe('file mail transport', () => {
  let folder: string;
  let transport: FileMailTransport;
  beforeEach(() => {
    folder = fs.mkdtempSync(join(tmpdir(), 'ledger-mail-'));
    transport = new FileMailTransport(folder);
  });
  afterEach(() => {
    transport.close();
    jest.restoreAllMocks();
    fs.rmSync(folder, { recursive: true, force: true });
  });

  it('lists and stats no folder of the subjects whose mail is still live when it sends', async () => {
    for (let n = 0; n < 40; n++) await transport.send(mail, slot(n, inAnHour()));
    const listed = jest.spyOn(fs, 'readdirSync');
    const statted = jest.spyOn(fs, 'statSync');
    await transport.send(mail, slot(40, inAnHour()));
    expect(listed.mock.calls.length + statted.mock.calls.length).toBe(0);
    expect(fs.readdirSync(folder)).toHaveLength(41);
  });

  it('removes a mail once its link is dead, with its subject folder, at the next send', async () => {
    const { path } = await transport.send(mail, slot(1, past()));
    expect(fs.existsSync(path!)).toBe(true);
    await transport.send(mail, slot(2, inAnHour()));
    expect(fs.existsSync(path!)).toBe(false);
    expect(fs.readdirSync(folder)).toEqual([uuid(2)]);
  });

  it('keeps a mail whose link a resend made live again', async () => {
    await transport.send(mail, slot(1, past()));
    const { path } = await transport.send(mail, slot(1, inAnHour()));
    await transport.send(mail, slot(2, inAnHour()));
    expect(fs.existsSync(path!)).toBe(true);
  });

  it('sweeps, on start, the dead mails a previous process left', async () => {
    const { path } = await transport.send(mail, slot(1, past()));
    transport.close();
    // The previous process stopped before its next sweep: the file is still there.
    expect(fs.existsSync(path!)).toBe(true);
    transport = new FileMailTransport(folder);
    expect(fs.existsSync(path!)).toBe(false);
  });
});
