import fs from 'node:fs';

/**
 * Which of the given processes owns the TCP client socket `127.0.0.1:<clientPort>` → `127.0.0.1:<serverPort>`
 * (Linux: the socket's inode from /proc/net/tcp, then the process whose fd table links to it). Lets a test kill
 * exactly the worker that is in the middle of a request to its receiver.
 */
export function socketOwner(clientPort: number, serverPort: number, pids: number[]): number | null {
  const hex = (port: number) => port.toString(16).toUpperCase().padStart(4, '0');
  const line = fs
    .readFileSync('/proc/net/tcp', 'utf8')
    .split('\n')
    .map((row) => row.trim().split(/\s+/))
    .find((cols) => cols[1]?.endsWith(`:${hex(clientPort)}`) && cols[2]?.endsWith(`:${hex(serverPort)}`));
  if (!line) return null;
  const target = `socket:[${line[9]}]`;
  for (const pid of pids) {
    const dir = `/proc/${pid}/fd`;
    for (const fd of fs.readdirSync(dir)) {
      try {
        if (fs.readlinkSync(`${dir}/${fd}`) === target) return pid;
      } catch {
        // The descriptor closed while we looked.
      }
    }
  }
  return null;
}
