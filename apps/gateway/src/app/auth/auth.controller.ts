import { Body, Controller, Get, HttpCode, Post, Req, Res } from '@nestjs/common';
import type { Request, Response } from 'express';
import { LoginRequest, LoginResponse, MeResponse } from '@jcm/contracts';
import { parseInput } from '../http/parse-body';
import { Me, Public } from './auth.guard';
import { AuthService } from './auth.service';
import { LoginThrottled } from './login-throttle';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  async login(
    @Body() body: unknown,
    @Req() req: Request,
    @Res({ passthrough: true }) res: Response,
  ): Promise<LoginResponse> {
    const { email, password } = parseInput(LoginRequest, body);
    try {
      // req.ip honours JCM_TRUST_PROXY (the proxy's X-Forwarded-For) and is the socket's address otherwise.
      return await this.auth.login(email, password, req.ip ?? req.socket.remoteAddress ?? 'unknown');
    } catch (err) {
      if (err instanceof LoginThrottled) res.setHeader('Retry-After', String(err.retryAfterSeconds));
      throw err;
    }
  }

  @Get('me')
  me(@Me() me: MeResponse): MeResponse {
    return me;
  }
}
