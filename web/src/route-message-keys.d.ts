// The module route-messages-plugin.ts makes at build time: route id → the message keys its code names.
declare module 'virtual:umn/route-message-keys' {
  export const ROUTE_MESSAGE_KEYS: Readonly<Record<string, readonly string[]>>;
}
