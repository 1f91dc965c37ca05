import { Body, Controller, Get, HttpCode, Param, Post } from '@nestjs/common';
import { DomainError } from '@jcm/contracts';
import { Public } from '../auth/auth.guard';
import { parseInput } from '../http/parse-body';
import { CALCULATORS } from './calculator-registry';

/** /api/v1/calculators: public (no login) so anyone can check a plan before applying. Computes, stores nothing. */
@Controller('calculators')
export class CalculatorsController {
  @Public()
  @Get()
  list() {
    return { items: Object.entries(CALCULATORS).map(([name, c]) => ({ name, preset: c.preset })) };
  }

  @Public()
  @Post(':name')
  @HttpCode(200)
  calculate(@Param('name') name: string, @Body() body: unknown) {
    const calculator = CALCULATORS[name];
    if (!calculator) throw new DomainError('NOT_FOUND', `No calculator named ${name}`);
    const input = parseInput(calculator.input, body);
    return { calculator: name, preset: calculator.preset, result: calculator.run(input as never) };
  }
}
