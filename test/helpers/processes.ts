import { type ChildProcess, spawn } from 'node:child_process';
import os from 'node:os';
import path from 'node:path';
import { inject } from 'vitest';

// wismo's process entries started as an operator starts them: real processes on this run's queue prefix.

export interface Exit {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface Started {
  child: ChildProcess;
  output: () => Exit;
  exited: Promise<Exit>;
  /** Resolves when the output contains `text`, or rejects with the output so far after `ms`. */
  waitFor(text: string | RegExp, ms?: number): Promise<string>;
}

export function startProcess(entry: string, env: Record<string, string>): Started {
  const child = spawn(process.execPath, ['--import', 'tsx', entry], {
    env: {
      ...process.env,
      NODE_ENV: 'test',
      LOG_FORMAT: 'json',
      QUEUE_PREFIX: inject('queuePrefix'),
      // As in testConfig: the shared test database is not this process's to schedule.
      POLL_SCHEDULER: 'false',
      OUTBOX_RELAY: 'false',
      DELAY_CHECKS: 'false',
      PREDICTED_EDD: 'false',
      MAILBOX_DIR: path.join(os.tmpdir(), `wismo-test-mailbox-${process.pid}`),
      ...env,
    },
  });
  let stdout = '';
  let stderr = '';
  child.stdout?.on('data', (d) => {
    stdout += d;
  });
  child.stderr?.on('data', (d) => {
    stderr += d;
  });
  const exited = new Promise<Exit>((resolve) =>
    child.on('exit', (code, signal) => resolve({ code, signal, stdout, stderr })),
  );
  const output = () => ({ code: null, signal: null, stdout, stderr });
  return {
    child,
    output,
    exited,
    async waitFor(text, ms = 20_000) {
      const until = Date.now() + ms;
      for (;;) {
        const all = stdout + stderr;
        const found = typeof text === 'string' ? all.includes(text) : text.test(all);
        if (found) return all;
        if (Date.now() > until || child.exitCode !== null) {
          throw new Error(`no "${text}" in the output of ${entry}:\n${all}`);
        }
        await new Promise((r) => setTimeout(r, 50));
      }
    },
  };
}
