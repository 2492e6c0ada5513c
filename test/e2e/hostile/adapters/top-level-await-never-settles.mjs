// A module whose top-level await never settles: loading it must not hold the run for ever.
await new Promise(() => {});
export default { name: 'never loaded', revokeToken: async () => ({}) };
