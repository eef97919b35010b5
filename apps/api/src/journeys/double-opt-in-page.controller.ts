import { Controller, Get, Header, Query } from '@nestjs/common';
import { ApiTags } from '@nestjs/swagger';
import { Public } from '../auth';
import { TokenQueryDto } from './dto/journeys.dto';
import { confirmationPage } from './pages';

/**
 * GET /double-opt-in?token=…: the page the mailed link opens. It records nothing (Art. 7(1) needs
 * the subject's own act: the button press, which POSTs to /double-opt-in/confirm).
 */
@ApiTags('consents')
@Controller('double-opt-in')
export class DoubleOptInPageController {
  @Get()
  @Public()
  @Header('content-type', 'text/html; charset=utf-8')
  @Header('cache-control', 'no-store')
  page(@Query() query: TokenQueryDto): string {
    return confirmationPage(query.token);
  }
}
