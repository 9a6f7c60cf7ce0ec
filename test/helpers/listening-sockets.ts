import { readdirSync, readFileSync, readlinkSync } from 'node:fs';

/** `pid` and every process below it (Linux /proc). */
function processTree(pid: number): number[] {
  const parents = new Map<number, number[]>();
  for (const name of readdirSync('/proc')) {
    if (!/^\d+$/.test(name)) continue;
    try {
      // Field 4 of /proc/<pid>/stat is the parent; the command in field 2 may hold spaces, so split after ")".
      const stat = readFileSync(`/proc/${name}/stat`, 'utf8');
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      parents.set(ppid, [...(parents.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  const tree = [pid];
  for (let i = 0; i < tree.length; i++) tree.push(...(parents.get(tree[i]!) ?? []));
  return tree;
}

function socketInodes(pid: number): Set<string> {
  const inodes = new Set<string>();
  try {
    for (const fd of readdirSync(`/proc/${pid}/fd`)) {
      const m = /^socket:\[(\d+)\]$/.exec(readlinkSync(`/proc/${pid}/fd/${fd}`, 'utf8'));
      if (m?.[1]) inodes.add(m[1]);
    }
  } catch {
    // gone, or not ours to read
  }
  return inodes;
}

/** `0100007F:1F90` (little-endian IPv4) or a 32-digit IPv6 → a readable address. */
function address(hex: string): string {
  if (hex.length === 8)
    return (hex.match(/../g) ?? [])
      .reverse()
      .map((b) => parseInt(b, 16))
      .join('.');
  if (/^0{32}$/.test(hex)) return '::';
  if (hex === '00000000000000000000000001000000') return '::1';
  if (hex.startsWith('0000000000000000FFFF0000')) return `::ffff:${address(hex.slice(24))}`;
  return hex;
}

/** Every TCP socket in LISTEN state held by `pid` or its descendants, as `address:port`. */
export function listeningSockets(pid: number): string[] {
  const inodes = new Set(processTree(pid).flatMap((p) => [...socketInodes(p)]));
  const found: string[] = [];
  for (const table of ['/proc/net/tcp', '/proc/net/tcp6']) {
    for (const line of readFileSync(table, 'utf8').split('\n').slice(1)) {
      const cols = line.trim().split(/\s+/);
      const [local, state, inode] = [cols[1], cols[3], cols[9]];
      if (!local || state !== '0A' || !inode || !inodes.has(inode)) continue;
      const [ip = '', port = ''] = local.split(':');
      found.push(`${address(ip)}:${parseInt(port, 16)}`);
    }
  }
  return found.sort();
}
