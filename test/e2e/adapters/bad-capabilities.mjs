// Not a valid adapter: a capability that does not exist.
export default { name: 'bad', capabilities: { teleport: true }, revokeToken: async () => ({}) };
