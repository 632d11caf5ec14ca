// Preloaded with `node -r` into the test LRS, which calls listen(port) with no host: a server reachable only from
// this machine, never from the network, is all a test needs.
/* global process */
const net = process.getBuiltinModule('node:net');
const listen = net.Server.prototype.listen;
net.Server.prototype.listen = function (...args) {
  if (typeof args[0] === 'number' || (typeof args[0] === 'string' && /^\d+$/.test(args[0]))) {
    const [port, ...rest] = args;
    if (typeof rest[0] !== 'string') return listen.call(this, Number(port), '127.0.0.1', ...rest);
  }
  if (args[0] && typeof args[0] === 'object' && !('host' in args[0]) && !('path' in args[0])) {
    return listen.call(this, { ...args[0], host: '127.0.0.1' }, ...args.slice(1));
  }
  return listen.apply(this, args);
};
