import { describe, expect, it, jest } from '@jest/globals';
import { Logger } from '@nestjs/common';
import { LoggingMailTransport } from '../../src/notifications/mail-transport.js';

const MAIL = {
  from: 'Kenner <no-reply@kenner.local>',
  to: 'marie@example.lu',
  subject: 'Votre lien de connexion',
  text: 'Bonjour,\nhttps://kenner.example/sign-in?token=ksi_secret',
};

describe('mails without SMTP_URL', () => {
  const logged = async (withText: boolean) => {
    const log = jest.spyOn(Logger.prototype, 'log').mockImplementation(() => undefined);
    try {
      await new LoggingMailTransport(withText).send(MAIL);
      return String(log.mock.calls[0]?.[0]);
    } finally {
      log.mockRestore();
    }
  };

  it('log their text outside production, so a sign-in link can be followed locally', async () => {
    const line = await logged(true);
    expect(line).toContain('to marie@example.lu: Votre lien de connexion');
    expect(line).toContain('    https://kenner.example/sign-in?token=ksi_secret');
  });

  it('log only recipient and subject in production: the text holds links and personal data', async () => {
    const line = await logged(false);
    expect(line).toBe('to marie@example.lu: Votre lien de connexion');
  });
});
