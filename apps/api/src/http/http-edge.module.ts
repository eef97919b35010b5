import { Module } from '@nestjs/common';
import { APP_FILTER, APP_PIPE } from '@nestjs/core';
import { AuthModule } from '../auth/auth.module';
import { HttpErrorFilter } from './http-error.filter';
import { ApiValidationPipe } from './validation.pipe';

/** Everything between the socket and a controller: API keys and roles, rate limit, validation, errors. */
@Module({
  imports: [AuthModule],
  providers: [
    { provide: APP_FILTER, useClass: HttpErrorFilter },
    { provide: APP_PIPE, useClass: ApiValidationPipe },
  ],
})
export class HttpEdgeModule {}
