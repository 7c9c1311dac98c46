// `ws` ships no types and @types/ws is not installed: the tests only hand its class to graphql-ws.
declare module 'ws' {
  const WebSocket: new (...args: unknown[]) => unknown;
  export default WebSocket;
}
