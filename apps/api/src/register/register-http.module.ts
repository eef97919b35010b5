import { Module } from '@nestjs/common';
import { ReadYourWritesGuard } from '../read-side/read-your-writes';
import { CONTROLLER_SETTINGS, loadControllerSettings } from './controller-settings';
import { ProcessingRegisterController } from './processing-register.controller';
import { ProcessingRegisterService } from './processing-register.service';

/** GET /processing-register (Art. 30). */
@Module({
  controllers: [ProcessingRegisterController],
  providers: [
    ProcessingRegisterService,
    ReadYourWritesGuard,
    { provide: CONTROLLER_SETTINGS, useFactory: () => loadControllerSettings() },
  ],
})
export class RegisterHttpModule {}
