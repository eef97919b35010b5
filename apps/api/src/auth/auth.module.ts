import { Module } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { ThrottlerModule } from '@nestjs/throttler';
import { APP_CONFIG, type AppConfig } from '#runtime';
import { ApiKeyGuard } from './api-key.guard';
import { ApiKeyRegistry } from './api-key-registry';
import { loadApiKeys } from './load-api-keys';
import { MeController } from './me.controller';
import { publicThrottlers } from './public-rate-limits';
import { PublicRouteThrottlerGuard } from './public-throttler.guard';

/** Guards run in this order: authentication and roles first, then the public rate limit. */
@Module({
  imports: [
    ThrottlerModule.forRootAsync({
      inject: [APP_CONFIG],
      useFactory: (config: AppConfig) => ({ throttlers: publicThrottlers(config) }),
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
