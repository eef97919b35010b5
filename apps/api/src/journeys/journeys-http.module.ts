import { Module, type OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost } from '@nestjs/core';
import { JourneysModule } from '#journeys';
import { DoubleOptInPageController } from './double-opt-in-page.controller';
import { FeedController } from './feed.controller';
import { acceptFormBodies } from './form-bodies';
import { UnsubscribeController } from './unsubscribe.controller';
import { WebhooksController } from './webhooks.controller';

/** The journey services' HTTP edge: feed, webhooks, unsubscribe and the double opt-in page. */
@Module({
  imports: [JourneysModule],
  controllers: [FeedController, WebhooksController, UnsubscribeController, DoubleOptInPageController],
})
export class JourneysHttpModule implements OnModuleInit {
  constructor(private readonly adapter: HttpAdapterHost) {}

  onModuleInit(): void {
    acceptFormBodies(this.adapter.httpAdapter.getInstance());
  }
}
