import { Body, Controller, Get, HttpCode, Post } from '@nestjs/common';
import { LoginRequest, LoginResponse, MeResponse } from '@jcm/contracts';
import { parseInput } from '../http/parse-body';
import { Me, Public } from './auth.guard';
import { AuthService } from './auth.service';

@Controller()
export class AuthController {
  constructor(private readonly auth: AuthService) {}

  @Public()
  @Post('auth/login')
  @HttpCode(200)
  login(@Body() body: unknown): Promise<LoginResponse> {
    const { email, password } = parseInput(LoginRequest, body);
    return this.auth.login(email, password);
  }

  @Get('me')
  me(@Me() me: MeResponse): MeResponse {
    return me;
  }
}
