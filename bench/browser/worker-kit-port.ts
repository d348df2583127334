/** Name of the runtime port the raw baselines' messages travel on (page-kit.ts → worker-kit.ts). */
export const RAW_PORT = 'bench-raw';
