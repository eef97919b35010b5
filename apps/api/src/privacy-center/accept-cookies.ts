import fastifyCookie from '@fastify/cookie';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';

/** Parses Cookie headers for the Privacy Center's session; no other route reads a cookie. */
export async function acceptCookies(app: NestFastifyApplication): Promise<void> {
  await app.register(fastifyCookie);
}
