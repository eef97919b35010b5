import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { seconds, ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#application';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { loadApiKeys } from './load-api-keys';
import { MeController } from './me.controller';
import { PublicRouteThrottlerGuard } from './public-throttler.guard';

/** Guards run in this order: authentication and roles first, then the public rate limit. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: ({ publicRateLimit }: AppConfig) => ({
        throttlers: [{ name: 'default', limit: publicRateLimit.limit, ttl: seconds(publicRateLimit.windowSeconds) }],
      }),
    }),
  ],
  controllers: [MeController],
  providers: [
    {
      provide: ApiKeyRegistry,
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => new ApiKeyRegistry(loadApiKeys(config, (text) => process.stdout.write(text))),
    },
    { provide: APP_GUARD, useClass: ApiKeyGuard },
    { provide: APP_GUARD, useClass: PublicRouteThrottlerGuard },
  ],
})
export class AuthModule {}
