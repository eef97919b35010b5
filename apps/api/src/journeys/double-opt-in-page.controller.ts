import { Controller, Get, Header, Query, Res } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth';
import { TokenQueryDto } from './dto/journeys.dto';
import { confirmationPage } from './pages';
import { Operation } from '../http/openapi/operation.decorators';

/**
 * GET /double-opt-in?token=…: the page the mailed link opens. It records nothing (Art. 7(1) needs
 * the subject's own act: the button press, which POSTs to /double-opt-in/confirm).
 */
@ApiTags('consents')
@Controller('double-opt-in')
export class DoubleOptInPageController {
  @Get()
  @Operation(
    'The double opt-in confirmation page',
    { status: 200, description: 'An HTML page whose button confirms', media: ['text/html'] },
    'VALIDATION.FAILED',
  )
  @Public()
  @Header('cache-control', 'no-store')
  page(
    @Query() query: TokenQueryDto,
    @Res({ passthrough: true }) reply: { type(contentType: string): unknown },
  ): string {
    // Set here, not with @Header: a validation error answers JSON, and a fixed HTML type would break it.
    reply.type('text/html; charset=utf-8');
    return confirmationPage(query.token);
  }
}
