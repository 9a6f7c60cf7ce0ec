import { execFile } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { promisify } from 'node:util';
import { Connection } from '@temporalio/client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { ALL_SEARCH_ATTRIBUTES } from '../../workflows/search-attributes.js';
import { startDevServer, type DevServerProcess } from '../helpers/dev-server-process.js';
import { freePort } from '../helpers/free-port.js';
import { toolPaths } from '../helpers/tools.js';

const run = promisify(execFile);

/**
 * No Docker engine here, but the one-shot `temporal-setup` job is a shell command for the Temporal CLI: it runs as
 * compose would run it (its `$$` unescaped, its address the test's), against a dev server started without anything.
 */
const compose = parse(readFileSync('docker-compose.yml', 'utf8')) as {
  services: Record<string, { command?: string[]; environment?: Record<string, string> }>;
};
const setup = compose.services['temporal-setup']!;

describe("docker-compose.yml's temporal-setup against a real server", () => {
  let server: DevServerProcess;
  let connection: Connection;

  beforeAll(async () => {
    server = await startDevServer({ port: await freePort(), bare: true, extraArgs: ['--namespace', 'bo'] });
    connection = await Connection.connect({ address: server.address });
  }, 60_000);

  afterAll(async () => {
    await connection?.close();
    await server?.stop();
  });

  const runSetup = (nexusEndpoints: string) =>
    run('sh', ['-c', setup.command![0]!.replaceAll('$$', '$').replaceAll('temporal:7233', server.address)], {
      env: {
        ...process.env,
        PATH: `${dirname(toolPaths().temporalCli)}:${process.env.PATH}`,
        NEXUS_ENDPOINTS: nexusEndpoints,
      },
      timeout: 60_000,
    });

  it('registers the search attributes and a Nexus endpoint per parent namespace, and runs again harmlessly', async () => {
    expect(setup.environment?.NEXUS_ENDPOINTS).toBe('${NEXUS_ENDPOINTS:-}');
    await runSetup('bo=kehoach-bo');
    const attributes = await connection.operatorService.listSearchAttributes({ namespace: 'default' });
    for (const key of ALL_SEARCH_ATTRIBUTES)
      expect(Object.keys(attributes.customAttributes), key.name).toContain(key.name);
    const endpoints = async () =>
      (await connection.operatorService.listNexusEndpoints({ pageSize: 10 })).endpoints.map((e) => ({
        name: e.spec?.name,
        namespace: e.spec?.target?.worker?.namespace,
        taskQueue: e.spec?.target?.worker?.taskQueue,
      }));
    expect(await endpoints()).toEqual([{ name: 'kehoach-bo', namespace: 'bo', taskQueue: 'kehoach' }]);
    // A restart of the job (compose restarts it on failure) finds everything done.
    await runSetup('bo=kehoach-bo');
    expect(await endpoints()).toHaveLength(1);
    // A parent namespace that does not exist fails the job, naming it, instead of a worker failing at the first report.
    await expect(runSetup('bo=kehoach-bo,nowhere=kehoach-nowhere')).rejects.toThrow(/nowhere/);
  });
});
