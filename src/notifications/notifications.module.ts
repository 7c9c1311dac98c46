import { Module } from '@nestjs/common';
import { Environment } from '../config/environment.js';
import { LoggingMailTransport, MailTransport, SmtpMailTransport } from './mail-transport.js';
import { NotificationOutbox } from './notification-outbox.service.js';
import { NotificationRelay } from './notification-relay.service.js';

/** E-mail notifications: an outbox written by features, a relay that sends it. */
@Module({
  providers: [
    {
      provide: MailTransport,
      inject: [Environment],
      useFactory: (env: Environment): MailTransport =>
        env.SMTP_URL
          ? new SmtpMailTransport(env.SMTP_URL)
          : new LoggingMailTransport(env.NODE_ENV !== 'production'),
    },
    NotificationOutbox,
    NotificationRelay,
  ],
  exports: [NotificationOutbox],
})
export class NotificationsModule {}
