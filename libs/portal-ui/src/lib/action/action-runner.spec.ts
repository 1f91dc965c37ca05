import { HttpErrorResponse } from '@angular/common/http';
import { Observable, Subject, of, throwError } from 'rxjs';

import { ActionRunner, PageActions } from './action-runner';

const refusal = (status: number, body: unknown = {}) =>
  throwError(() => new HttpErrorResponse({ error: body, status }));

describe('ActionRunner', () => {
  it('is busy while the request runs, ignores a second click, and hands the result over', () => {
    const runner = new ActionRunner<string>();
    const reply = new Subject<string>();
    const done = jest.fn();
    expect(runner.run(reply, done)).toBe(true);
    expect(runner.busy()).toBe(true);
    expect(runner.run(of('twice'), done)).toBe(false);
    reply.next('saved');
    expect(runner.busy()).toBe(false);
    expect(runner.result()).toBe('saved');
    expect(done).toHaveBeenCalledWith('saved');
    expect(done).toHaveBeenCalledTimes(1);
  });

  it('shows the problem of a refusal with its field issues, and clears it on the next attempt', () => {
    const runner = new ActionRunner();
    runner.run(
      refusal(400, {
        code: 'VALIDATION_FAILED',
        issues: [{ message: 'Required', path: 'lines.0.amount' }],
        message: 'bad',
      }),
    );
    expect(runner.problem()).toMatchObject({ key: 'ui.problem.invalid', status: 400 });
    expect(runner.issuesFor('lines')).toEqual(['Required']);
    expect(runner.issuesFor('line')).toEqual([]);
    runner.run(of('ok'));
    expect(runner.problem()).toBeNull();
  });

  it('keeps the Idempotency-Key after a network failure or 5xx (outcome unknown) and renews it after a success or 4xx', () => {
    const runner = new ActionRunner<string>();
    const sent: string[] = [];
    const attempt = (reply: () => Observable<string>) =>
      runner.run((key) => {
        sent.push(key);
        return reply();
      });
    attempt(() => refusal(0));
    attempt(() => refusal(503));
    attempt(() => of('moved'));
    attempt(() => refusal(409));
    attempt(() => of('again'));
    expect(sent[0]).toMatch(/^[0-9a-f-]{36}$/);
    expect(sent[1]).toBe(sent[0]);
    expect(sent[2]).toBe(sent[0]);
    expect(sent[3]).not.toBe(sent[2]);
    expect(sent[4]).not.toBe(sent[3]);
  });

  it('uses a page-specific description of failures', () => {
    const runner = new ActionRunner({
      describe: () => ({ detail: null, issues: [], key: 'op.err.conflict', refusals: [], status: 409 }),
    });
    const failed = jest.fn();
    runner.run(refusal(409), { failed });
    expect(runner.problem()?.key).toBe('op.err.conflict');
    expect(failed).toHaveBeenCalledWith(expect.objectContaining({ key: 'op.err.conflict' }));
  });

  it('lists a 422 RULE_VIOLATION as cited refusals in both languages', () => {
    const runner = new ActionRunner();
    runner.run(
      refusal(422, {
        code: 'RULE_VIOLATION',
        issues: [{ message: '上限超過 / Over the cap (公募要領 §4(1))', path: 'C3P-B1' }],
        message: 'x',
      }),
    );
    expect(runner.problem()?.refusals).toEqual([
      { en: 'Over the cap', ja: '上限超過', ruleId: 'C3P-B1', source: '公募要領 §4(1)' },
    ]);
  });
});

describe('PageActions', () => {
  it('says what was done and reloads after success, and not after a failure', () => {
    const reload = jest.fn();
    const actions = new PageActions(reload);
    actions.act(refusal(403), 'x.done');
    expect(actions.notice()).toBeNull();
    expect(reload).not.toHaveBeenCalled();
    expect(actions.problem()?.key).toBe('ui.problem.forbidden');
    const after = jest.fn();
    actions.act(of(1), 'x.done', after);
    expect(actions.notice()).toBe('x.done');
    expect(after).toHaveBeenCalled();
    expect(reload).toHaveBeenCalledTimes(1);
  });
});
